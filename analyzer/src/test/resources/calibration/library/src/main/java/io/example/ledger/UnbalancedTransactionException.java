package io.example.ledger;

/** Thrown when a transaction's entries do not sum to zero. */
public final class UnbalancedTransactionException extends RuntimeException {
    public UnbalancedTransactionException(String id) {
        super("transaction " + id + " is not balanced");
    }
}
