package io.debtwatch.ingest.service.git;

import java.io.File;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The credentials and SSH setup of one Git command against one repository's remote. Every SSH
 * transport gets a session factory of its own: the repository's key from memory, host keys only from
 * the configured known_hosts, a sandbox home so nothing of ~/.ssh (config, keys, agent) is used. Close
 * it when the command is done.
 */
final class TransportSetup implements TransportConfigCallback, AutoCloseable {

    private static final String TOKEN_USER = "x-access-token";

    private final GitCredentials credentials;
    private final File sandbox;
    private final KnownHostsDatabase hostKeys;
    private final Executor connects;
    private SshdSessionFactory factory;
    private String keyProblem;

    /**
     * @param credentials what to present to the remote
     * @param sandbox     an empty folder standing in for the home and ~/.ssh folders
     * @param knownHosts  the known_hosts file, null when none is configured
     * @param connects    where SSH connections are opened, so they can be held to the timeout
     */
    TransportSetup(GitCredentials credentials, Path sandbox, Path knownHosts, Executor connects) {
        this.credentials = credentials;
        this.sandbox = sandbox.toFile();
        this.hostKeys = new KnownHostsDatabase(knownHosts);
        this.connects = connects;
    }

    /**
     * @return the provider of the https token, null when there is none
     */
    CredentialsProvider https() {
        return credentials.token() == null ? null
                : new UsernamePasswordCredentialsProvider(TOKEN_USER, credentials.token());
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof SshTransport ssh) {
            if (factory == null) {
                factory = new SshdSessionFactoryBuilder().setHomeDirectory(sandbox).setSshDirectory(sandbox)
                        .setConfigStoreFactory((home, configFile, user) -> null)
                        .setDefaultKnownHostsFiles(dir -> List.of())
                        .setDefaultIdentities(dir -> List.of())
                        .setDefaultKeysProvider(dir -> keys())
                        .setPreferredAuthentications("publickey")
                        .setServerKeyDatabase((home, dir) -> hostKeys)
                        .build(null);
            }
            ssh.setSshSessionFactory(new DeadlineSshSessionFactory(factory, connects));
        }
    }

    /**
     * @return why the SSH side failed before any Git talk (host key refused, key unreadable), or null
     */
    String sshProblem() {
        return hostKeys.refusal() != null ? hostKeys.refusal() : keyProblem;
    }

    private Iterable<KeyPair> keys() {
        if (credentials.sshPrivateKey() == null) {
            return List.of();
        }
        try {
            return SshKeys.parse(credentials.sshPrivateKey());
        } catch (GeneralSecurityException e) {
            keyProblem = "the repository's SSH private key cannot be used: " + e.getMessage();
            return List.of();
        }
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.close();
        }
    }
}
