package io.debtwatch.analysis.messaging;

import io.debtwatch.analysis.service.CommitAnalysisService;
import io.debtwatch.events.CloudEventHeaders;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.debtwatch.service.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code debtwatch.commits} and publishes one {@code CommitAnalyzed} per commit. The
 * commit's offset is committed only after the analysis was acknowledged by the broker; a message
 * that cannot be read or analysed is nacked, which sends it to {@code debtwatch.commits.dlq} with
 * the error in its headers while the partition moves on.
 */
@ApplicationScoped
public class CommitConsumer {

    static final String INCOMING = "commits";
    static final String OUTGOING = "analyses";
    private static final Logger LOG = Logger.getLogger(CommitConsumer.class);

    private final CommitAnalysisService analysis;
    private final Emitter<String> analyses;

    CommitConsumer(CommitAnalysisService analysis, @Channel(OUTGOING) Emitter<String> analyses) {
        this.analysis = analysis;
        this.analyses = analyses;
    }

    /**
     * @param json a CommitDiscovered
     * @throws ExecutionException when the analysis cannot be published
     * @throws TimeoutException   when the broker does not acknowledge in time
     * @throws InterruptedException when interrupted while waiting for the broker
     */
    @Incoming(INCOMING)
    @Blocking
    public void consume(String json) throws ExecutionException, TimeoutException, InterruptedException {
        CommitDiscovered commit = EventJson.read(json, CommitDiscovered.class);
        CommitAnalyzed result = analysis.analyze(commit);
        publish(result).get(30, TimeUnit.SECONDS);
        LOG.debugf("analysed %s", result.eventId());
    }

    private CompletableFuture<Void> publish(CommitAnalyzed result) {
        return Outbox.sendAcknowledged(analyses, Topics.ANALYSES, result.repoId(), EventJson.write(result),
                CloudEventHeaders.of(result.eventId(), EventTypes.COMMIT_ANALYZED, "/debtwatch/analysis-service",
                        result.repoId()));
    }

}
