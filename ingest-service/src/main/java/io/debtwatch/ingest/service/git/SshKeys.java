package io.debtwatch.ingest.service.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Reads SSH private keys from text held in memory, never from a file. */
public final class SshKeys {

    private static final NamedResource RESOURCE = NamedResource.ofName("sshPrivateKey");

    private SshKeys() {
    }

    /**
     * @param text an unencrypted private key: OpenSSH ({@code BEGIN OPENSSH PRIVATE KEY}) or PEM
     *             (PKCS#1 RSA, SEC1 EC, PKCS#8)
     * @return its key pairs, at least one
     * @throws GeneralSecurityException when the text holds no usable key, or only a passphrase-protected one;
     *                                  the message never repeats the key
     */
    public static List<KeyPair> parse(String text) throws GeneralSecurityException {
        if (text == null || !text.contains("PRIVATE KEY-----")) {
            throw new GeneralSecurityException("not a private key in OpenSSH or PEM format");
        }
        List<KeyPair> pairs = new ArrayList<>();
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, RESOURCE,
                    new ByteArrayInputStream(text.trim().concat("\n").getBytes(StandardCharsets.US_ASCII)),
                    FilePasswordProvider.EMPTY);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
        } catch (IOException | RuntimeException e) {
            // sshd's messages can quote the input: say only what kind of failure it was
            throw new GeneralSecurityException("the private key cannot be read (" + e.getClass().getSimpleName()
                    + "); passphrase-protected keys are not supported");
        }
        if (pairs.isEmpty()) {
            throw new GeneralSecurityException("the text holds no usable private key");
        }
        return pairs;
    }
}
