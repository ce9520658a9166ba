package io.debtwatch.ingest.service.git;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RemoteSession;
import org.eclipse.jgit.transport.SshSessionFactory;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.util.FS;

/**
 * Holds an SSH connection to the fetch timeout. JGit's MINA client applies the timeout to the TCP
 * connect only; key exchange and authentication wait for sshd's own two-minute limit, so a host that
 * accepts and then says nothing would hold a sync worker that long. The session is opened on another
 * thread and given up after the timeout; one that completes later is closed at once.
 */
final class DeadlineSshSessionFactory extends SshSessionFactory {

    private final SshdSessionFactory delegate;
    private final Executor connects;

    /**
     * @param delegate the factory that really connects
     * @param connects where connections are opened (threads that may block until sshd gives up)
     */
    DeadlineSshSessionFactory(SshdSessionFactory delegate, Executor connects) {
        this.delegate = delegate;
        this.connects = connects;
    }

    @Override
    public RemoteSession getSession(URIish uri, CredentialsProvider credentials, FS fs, int tms)
            throws TransportException {
        CompletableFuture<RemoteSession> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return delegate.getSession(uri, credentials, fs, tms);
            } catch (TransportException e) {
                throw new CompletionException(e);
            }
        }, connects);
        try {
            return tms > 0 ? pending.get(tms, TimeUnit.MILLISECONDS) : pending.get();
        } catch (TimeoutException e) {
            pending.thenAccept(RemoteSession::disconnect);
            throw new TransportException(uri, "SSH connection timed out: no key exchange or login within "
                    + tms / 1000 + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransportException transport) {
                throw transport;
            }
            throw new TransportException(uri, MirrorService.rootMessage(e), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.thenAccept(RemoteSession::disconnect);
            throw new TransportException(uri, "interrupted while connecting", e);
        }
    }

    @Override
    public String getType() {
        return delegate.getType();
    }

    @Override
    public void releaseSession(RemoteSession session) {
        delegate.releaseSession(session);
    }
}
