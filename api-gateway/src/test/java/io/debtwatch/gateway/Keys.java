package io.debtwatch.gateway;

/** API keys the tests use. */
final class Keys {

    /** The bootstrap admin key of org acme, from the %test configuration. */
    static final String BOOTSTRAP = "dwk_test_bootstrap_admin_key_0123456789";

    private Keys() {
    }
}
