package io.debtwatch.ingest.repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** Maps repositories between records and MongoDB documents, in one place. */
final class RepositoryDocuments {

    private RepositoryDocuments() {
    }

    static Document toDocument(RepositoryEntity e) {
        return new Document("_id", e.id()).append("org", e.org()).append("team", e.team()).append("name", e.name())
                .append("url", e.url()).append("urlKey", e.urlKey()).append("local", e.local())
                .append("host", e.host()).append("defaultBranch", e.defaultBranch())
                .append("pollIntervalSeconds", e.pollIntervalSeconds()).append("createdAt", date(e.createdAt()))
                .append("sealedToken", e.sealedToken()).append("sealedHookSecret", e.sealedHookSecret())
                .append("sealedSshKey", e.sealedSshKey())
                .append("sync", syncDocument(e.sync())).append("backfill", backfillDocument(e.backfill()));
    }

    static RepositoryEntity fromDocument(Document d) {
        return new RepositoryEntity(d.getString("_id"), d.getString("org"), d.getString("team"), d.getString("name"),
                d.getString("url"), d.getString("urlKey"), d.getBoolean("local", false), d.getString("host"),
                d.getString("defaultBranch"), d.getInteger("pollIntervalSeconds", 300), instant(d, "createdAt"),
                d.getString("sealedToken"), d.getString("sealedHookSecret"), d.getString("sealedSshKey"),
                sync(d.get("sync", Document.class)),
                backfill(d.get("backfill", Document.class)));
    }

    static Document syncDocument(SyncState s) {
        return new Document("status", s.status()).append("lastSuccessAt", date(s.lastSuccessAt()))
                .append("lastError", s.lastError()).append("consecutiveFailures", s.consecutiveFailures())
                .append("nextAttemptAt", date(s.nextAttemptAt())).append("lastTip", s.lastTip())
                .append("lastRewriteFrom", s.lastRewriteFrom()).append("lastRewriteTo", s.lastRewriteTo())
                .append("lastRewriteAt", date(s.lastRewriteAt()));
    }

    static Document backfillDocument(BackfillState b) {
        return new Document("policy", b.policy()).append("count", b.count()).append("state", b.state())
                .append("tip", b.tip()).append("planned", b.planned()).append("emitted", b.emitted())
                .append("nextSha", b.nextSha()).append("nextDepth", b.nextDepth()).append("lastDay", b.lastDay())
                .append("segments", b.segments() == null ? null : b.segments().stream()
                        .map(g -> new Document("sha", g.sha()).append("depth", g.depth()).append("steps", g.steps())
                                .append("childDay", g.childDay()))
                        .toList())
                .append("segment", b.segment()).append("segmentEmitted", b.segmentEmitted());
    }

    private static SyncState sync(Document d) {
        return new SyncState(d.getString("status"), instant(d, "lastSuccessAt"), d.getString("lastError"),
                d.getInteger("consecutiveFailures", 0), instant(d, "nextAttemptAt"), d.getString("lastTip"),
                d.getString("lastRewriteFrom"), d.getString("lastRewriteTo"), instant(d, "lastRewriteAt"));
    }

    private static BackfillState backfill(Document d) {
        return new BackfillState(d.getString("policy"), d.getInteger("count", 0), d.getString("state"),
                d.getString("tip"), number(d, "planned"), number(d, "emitted"), d.getString("nextSha"),
                number(d, "nextDepth"), d.getString("lastDay"), segments(d.getList("segments", Document.class)),
                d.getInteger("segment", 0), d.getInteger("segmentEmitted", 0));
    }

    /** Absent in a backfill stored before the history was cut into segments: it is cut when it next runs. */
    private static List<BackfillState.Segment> segments(List<Document> stored) {
        return stored == null ? null : stored.stream().map(g -> new BackfillState.Segment(g.getString("sha"),
                number(g, "depth"), g.getInteger("steps", 0), g.getString("childDay"))).toList();
    }

    private static long number(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
