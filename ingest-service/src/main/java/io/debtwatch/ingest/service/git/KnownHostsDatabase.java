package io.debtwatch.ingest.service.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Host-key checking against one configured known_hosts file, strictly: a host that is not listed, or
 * presents another key than the listed one, is refused, and nothing is ever added to the file. The
 * file is read on every connection, so an operator's edit applies at the next fetch. Why a key was
 * refused is kept, so the sync status can say so instead of JGit's generic error.
 */
final class KnownHostsDatabase implements ServerKeyDatabase {

    private static final int DEFAULT_PORT = 22;

    private final Path file;
    private volatile String refusal;

    /**
     * @param file the known_hosts file, null when none is configured
     */
    KnownHostsDatabase(Path file) {
        this.file = file;
    }

    /**
     * @return why the last host key was refused, null when none was
     */
    String refusal() {
        return refusal;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        try {
            return keys(connectAddress, null);
        } catch (IOException | GeneralSecurityException e) {
            refusal = "the known_hosts file " + file + " cannot be read: " + e.getMessage();
            return List.of();
        }
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
            Configuration config, CredentialsProvider provider) {
        if (file == null) {
            refusal = "SSH host " + connectAddress + " cannot be verified: no known_hosts file is configured"
                    + " (debtwatch.ingest.ssh.known-hosts)";
            return false;
        }
        List<PublicKey> known;
        List<PublicKey> revoked;
        try {
            known = keys(connectAddress, null);
            revoked = keys(connectAddress, "revoked");
        } catch (IOException | GeneralSecurityException e) {
            refusal = "the known_hosts file " + file + " cannot be read: " + e.getMessage();
            return false;
        }
        String fingerprint = KeyUtils.getFingerPrint(serverKey);
        if (revoked.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            refusal = "SSH host " + connectAddress + " presented a revoked key (" + fingerprint + ")";
            return false;
        }
        if (known.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            return true;
        }
        refusal = known.isEmpty()
                ? "SSH host " + connectAddress + " is not in the known_hosts file (debtwatch.ingest.ssh.known-hosts);"
                        + " its " + KeyUtils.getKeyType(serverKey) + " key is " + fingerprint
                : "SSH host " + connectAddress + " presented a key (" + fingerprint + ") that does not match the"
                        + " known_hosts file (debtwatch.ingest.ssh.known-hosts): refused";
        return false;
    }

    /**
     * @param connectAddress {@code host} or {@code [host]:port}, as JGit gives it
     * @param marker         null for plain lines, {@code revoked} for {@code @revoked} lines
     * @return the keys listed for the address with that marker (cert-authority lines are not supported)
     */
    private List<PublicKey> keys(String connectAddress, String marker) throws IOException, GeneralSecurityException {
        if (file == null || !Files.isRegularFile(file)) {
            if (file != null) {
                refusal = "the known_hosts file " + file + " does not exist (debtwatch.ingest.ssh.known-hosts)";
            }
            return List.of();
        }
        String host = connectAddress;
        int port = DEFAULT_PORT;
        if (connectAddress.startsWith("[")) {
            int close = connectAddress.indexOf("]:");
            host = connectAddress.substring(1, close);
            port = Integer.parseInt(connectAddress.substring(close + 2));
        }
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(file)) {
            if (Objects.equals(entry.getMarker(), marker) && entry.getKeyEntry() != null
                    && entry.isHostMatch(host, port)) {
                PublicKey key = entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }
}
