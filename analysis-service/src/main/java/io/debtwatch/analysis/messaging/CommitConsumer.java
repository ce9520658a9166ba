package io.debtwatch.analysis.messaging;

import io.debtwatch.analysis.service.CommitAnalysisService;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code debtwatch.commits} and publishes one {@code CommitAnalyzed} per commit. The
 * commit's offset is committed only after the analysis was acknowledged by the broker; a message
 * that cannot be read or analysed is nacked, which sends it to {@code debtwatch.commits.dlq} with
 * the error in its headers while the partition moves on. Blocking and ordered, so one partition's
 * commits (one repository's) are analysed in order and a child finds its parent's snapshot.
 */
@ApplicationScoped
public class CommitConsumer {

    static final String INCOMING = "commits";
    private static final Logger LOG = Logger.getLogger(CommitConsumer.class);

    private final CommitAnalysisService analysis;
    private final AnalysisProducer producer;
    private final Timer handling;

    CommitConsumer(CommitAnalysisService analysis, AnalysisProducer producer, MeterRegistry metrics) {
        this.analysis = analysis;
        this.producer = producer;
        this.handling = Timer.builder("debtwatch.analysis.message")
                .description("time to handle one commit message: read, analyse or find, publish").register(metrics);
    }

    /**
     * @param json a CommitDiscovered
     */
    @Incoming(INCOMING)
    @Blocking
    public void consume(String json) {
        handling.record(() -> {
            CommitDiscovered commit = EventJson.read(json, CommitDiscovered.class);
            CommitAnalyzed result = analysis.analyze(commit);
            producer.publish(result);
            LOG.debugf("analysed %s", result.eventId());
        });
    }
}
