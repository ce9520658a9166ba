package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.debtwatch.analysis.service.ReanalysisJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Re-analysis jobs and their progress, so progress survives a restart and every worker can answer. */
@ApplicationScoped
public class ReanalysisRepository {

    private final MongoCollection<Document> jobs;

    ReanalysisRepository(AnalysisDatabase database) {
        this.jobs = database.get().getCollection("reanalysis_jobs");
    }

    /**
     * @param job a new job
     */
    public void create(ReanalysisJob job) {
        jobs.insertOne(new Document("_id", job.id()).append("org", job.org()).append("scope", job.scope())
                .append("repoId", job.repoId()).append("analyzerVersion", job.analyzerVersion())
                .append("status", job.status()).append("total", job.total()).append("done", 0L).append("failed", 0L)
                .append("lastError", null).append("createdAt", Date.from(job.createdAt())).append("finishedAt", null));
    }

    /**
     * @param org the organisation; another org's job is not found
     * @param id  the job id
     * @return the job
     */
    public Optional<ReanalysisJob> find(String org, String id) {
        return Optional.ofNullable(jobs.find(and(eq("_id", id), eq("org", org))).first()).map(ReanalysisRepository::read);
    }

    /**
     * @return jobs a stopped worker left unfinished
     */
    public List<ReanalysisJob> unfinished() {
        List<ReanalysisJob> result = new ArrayList<>();
        jobs.find(in("status", List.of("running"))).forEach(d -> result.add(read(d)));
        return result;
    }

    /**
     * Starts a job's counters again, for a job resumed after a restart.
     *
     * @param id the job
     */
    public void restart(String id) {
        jobs.updateOne(eq("_id", id), Updates.combine(Updates.set("done", 0L), Updates.set("failed", 0L)));
    }

    /**
     * @param id the job
     */
    public void analysed(String id) {
        jobs.updateOne(eq("_id", id), Updates.inc("done", 1L));
    }

    /**
     * @param id    the job
     * @param error why one commit failed
     */
    public void failed(String id, String error) {
        jobs.updateOne(eq("_id", id), Updates.combine(Updates.inc("failed", 1L), Updates.set("lastError", error)));
    }

    /**
     * @param id the job
     */
    public void finish(String id) {
        jobs.updateOne(eq("_id", id), Updates.combine(Updates.set("status", "done"),
                Updates.set("finishedAt", new Date())));
    }

    private static ReanalysisJob read(Document d) {
        Date finished = d.getDate("finishedAt");
        return new ReanalysisJob(d.getString("_id"), d.getString("org"), d.getString("scope"), d.getString("repoId"),
                d.getString("analyzerVersion"), d.getString("status"), d.get("total", Number.class).longValue(),
                d.get("done", Number.class).longValue(), d.get("failed", Number.class).longValue(),
                d.getString("lastError"), d.getDate("createdAt").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
