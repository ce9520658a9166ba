package io.debtwatch.ingest.service.git;

/**
 * What a fetch presents to a remote: a token for https, a private key for SSH. Never logged.
 *
 * @param token         an access token for https remotes, may be null
 * @param sshPrivateKey an unencrypted private key (OpenSSH or PEM text) for SSH remotes, may be null
 */
public record GitCredentials(String token, String sshPrivateKey) {

    /** No credentials: a public remote. */
    public static final GitCredentials NONE = new GitCredentials(null, null);

    @Override
    public String toString() {
        return "GitCredentials[token=" + (token == null ? "none" : "***") + ", sshPrivateKey="
                + (sshPrivateKey == null ? "none" : "***") + "]";
    }
}
