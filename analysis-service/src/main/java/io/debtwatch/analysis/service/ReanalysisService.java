package io.debtwatch.analysis.service;

import io.debtwatch.analysis.messaging.AnalysisProducer;
import io.debtwatch.analysis.repository.CommitRepository;
import io.debtwatch.analysis.repository.ReanalysisRepository;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.service.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Re-analyses on request, after the analyzer version was raised: the newest commit of each
 * repository, or whole histories (oldest first, so each child finds its parent's snapshot). Each
 * commit goes through the same idempotent analysis as a consumed one and is published again; the
 * progress is kept in MongoDB, and a job a stopped worker left unfinished resumes on start.
 */
@ApplicationScoped
public class ReanalysisService {

    private static final Logger LOG = Logger.getLogger(ReanalysisService.class);
    private static final List<String> SCOPES = List.of("latest", "history");

    private final CommitRepository commits;
    private final ReanalysisRepository jobs;
    private final CommitAnalysisService analysis;
    private final AnalysisProducer producer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "reanalysis"));

    ReanalysisService(CommitRepository commits, ReanalysisRepository jobs, CommitAnalysisService analysis,
            AnalysisProducer producer) {
        this.commits = commits;
        this.jobs = jobs;
        this.analysis = analysis;
        this.producer = producer;
    }

    /**
     * @param org    the organisation
     * @param scope  {@code latest} or {@code history}
     * @param repoId one repository, or null for all of the org's
     * @return the job, running
     * @throws ProblemException 400 for an unknown scope, 404 for a repository with no analysed commits
     */
    public ReanalysisJob start(String org, String scope, String repoId) {
        if (scope == null || !SCOPES.contains(scope)) {
            throw ProblemException.invalid("scope", "must be one of " + SCOPES);
        }
        long known = commits.count(org, repoId);
        if (repoId != null && known == 0) {
            throw ProblemException.notFound("repository with analysed commits", repoId);
        }
        List<CommitDiscovered> todo = scope.equals("latest") ? commits.latest(org, repoId) : commits.history(org, repoId);
        ReanalysisJob job = new ReanalysisJob(UUID.randomUUID().toString(), org, scope, repoId, Analyzer.VERSION,
                "running", todo.size(), 0, 0, null, Instant.now(), null);
        jobs.create(job);
        executor.execute(() -> run(job.id(), todo));
        return job;
    }

    /**
     * @param org the organisation
     * @param id  the job id
     * @return the job with its progress
     * @throws ProblemException 404 when the org has no such job
     */
    public ReanalysisJob progress(String org, String id) {
        return jobs.find(org, id).orElseThrow(() -> ProblemException.notFound("re-analysis", id));
    }

    void resumeUnfinished(@Observes StartupEvent started) {
        for (ReanalysisJob job : jobs.unfinished()) {
            List<CommitDiscovered> todo = job.scope().equals("latest") ? commits.latest(job.org(), job.repoId())
                    : commits.history(job.org(), job.repoId());
            jobs.restart(job.id());
            executor.execute(() -> run(job.id(), todo));
        }
    }

    private void run(String jobId, List<CommitDiscovered> todo) {
        for (CommitDiscovered commit : todo) {
            try {
                producer.publish(analysis.analyze(commit));
                jobs.analysed(jobId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "re-analysis %s: commit %s failed", jobId, commit.eventId());
                jobs.failed(jobId, commit.sha() + ": " + e.getMessage());
            }
        }
        jobs.finish(jobId);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
