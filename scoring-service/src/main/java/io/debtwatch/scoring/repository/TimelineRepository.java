package io.debtwatch.scoring.repository;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.debtwatch.scoring.service.DailyPoint;
import io.debtwatch.scoring.service.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Every repository's value per day, laid out so that "each repository of the org on day D" is two
 * reads by {@code _id}, however many repositories the org has: one document per org ({@code org|last})
 * with each repository's latest point, its day and its deletion day, and one per org and day
 * ({@code org|2026-01-31}) with each repository's point in effect that day, for the days before its
 * latest point. Those days are written when they stop being answered by the latest point: a point
 * that is not the latest sets the days from its own up to its next point, and a new latest point
 * sets the days from the previous point up to its own. A day on or after a repository's latest point
 * is answered by {@code org|last}.
 *
 * <p>The ids start with the org slug, which cannot contain {@code |}, and every read checks the
 * {@code org} field as well, so no org reads another's values.
 */
@ApplicationScoped
public class TimelineRepository {

    private static final String LAST = "last";
    private static final String REPOS = "repos";

    private final MongoCollection<Document> timelines;

    TimelineRepository(ScoringDatabase database) {
        this.timelines = database.collection("org_timelines");
    }

    /**
     * One field a point sets in one timeline document.
     *
     * @param org   the organisation
     * @param key   the document's day, or {@code last}
     * @param field the repository's field
     * @param value what it is set to
     */
    public record Change(String org, String key, String field, Document value) {
    }

    /**
     * @param point    the point written
     * @param previous the repository's point before it, if any
     * @param next     the repository's point after it, if any
     * @return the fields that record it, to apply in this order
     */
    public List<Change> changes(DailyPoint point, Optional<DailyPoint> previous, Optional<DailyPoint> next) {
        LocalDate day = LocalDate.parse(point.day());
        List<Change> changes = new ArrayList<>();
        if (next.isPresent()) {
            setDays(changes, point, day, LocalDate.parse(next.get().day()));
        } else {
            previous.ifPresent(p -> setDays(changes, p, LocalDate.parse(p.day()), day));
            changes.add(new Change(point.org(), LAST, field(point.repoId()),
                    new Document("day", point.day()).append("point", value(point))));
        }
        return changes;
    }

    /**
     * Applies changes in one round trip, one update per document: a later change of the same field
     * wins, as one by one. A backfill's batch sets the same repository's field of the org's
     * {@code last} document once per analysis, and each update made the server rewrite the document.
     *
     * @param changes changes from {@link #changes}, in the order they were made
     */
    public void write(List<Change> changes) {
        Map<String, Map<String, Document>> byDocument = new LinkedHashMap<>();
        for (Change change : changes) {
            byDocument.computeIfAbsent(change.org() + "|" + change.key(), id -> new LinkedHashMap<>())
                    .put(change.field(), change.value());
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        byDocument.forEach((id, fields) -> {
            int bar = id.indexOf('|');
            List<Bson> sets = new ArrayList<>();
            fields.forEach((field, value) -> sets.add(Updates.set(field, value)));
            writes.add(upsert(id.substring(0, bar), id.substring(bar + 1), Updates.combine(sets)));
        });
        if (!writes.isEmpty()) {
            timelines.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    /**
     * @param repoId   the repository
     * @param day      the day it leaves the roll-ups
     * @param previous its point before that day, which stays its latest
     */
    public void deleteFrom(String repoId, LocalDate day, Optional<DailyPoint> previous) {
        Document entry = new Document("day", previous.map(DailyPoint::day).orElse(null))
                .append("point", previous.map(TimelineRepository::value).orElse(null))
                .append("deletedDay", day.toString());
        if (previous.isPresent()) {
            timelines.bulkWrite(List.of(upsert(previous.get().org(), LAST, Updates.set(field(repoId), entry))));
        } else {
            // no point before the day: its org is known only from the entry of its later points, if any
            timelines.updateOne(Filters.and(Filters.eq("key", LAST), Filters.exists(field(repoId))),
                    Updates.set(field(repoId), entry));
        }
    }

    /**
     * @param repoId the repository whose history is purged
     */
    public void purge(String repoId) {
        timelines.updateMany(Filters.exists(field(repoId)), Updates.unset(field(repoId)));
    }

    /** A repository's whole history, for {@link #rebuild}: its points oldest first and its deletion day or null. */
    public record History(List<DailyPoint> points, LocalDate deletedDay) {
    }

    /**
     * Writes the timelines of many repositories at once, as an upgrade does: one update per org and
     * day however many repositories it sets. Writing the same histories again changes nothing.
     *
     * @param histories the repositories' histories
     */
    public void rebuild(Collection<History> histories) {
        List<Change> changes = new ArrayList<>();
        for (History history : histories) {
            List<DailyPoint> points = history.points().stream().filter(p -> history.deletedDay() == null
                    || LocalDate.parse(p.day()).isBefore(history.deletedDay())).toList();
            for (int i = 0; i + 1 < points.size(); i++) {
                setDays(changes, points.get(i), LocalDate.parse(points.get(i).day()),
                        LocalDate.parse(points.get(i + 1).day()));
            }
            if (!points.isEmpty()) {
                DailyPoint latest = points.get(points.size() - 1);
                changes.add(new Change(latest.org(), LAST, field(latest.repoId()), new Document("day", latest.day())
                        .append("point", value(latest)).append("deletedDay", history.deletedDay() == null ? null
                                : history.deletedDay().toString())));
            }
        }
        write(changes);
    }

    /**
     * @param org  the organisation
     * @param days the days
     * @return per day, the point in effect at its end for each repository that had one then
     */
    public Map<LocalDate, Map<String, Standing>> inEffect(String org, Collection<LocalDate> days) {
        return inEffect(org, null, days);
    }

    /**
     * @param org     the organisation
     * @param repoIds the repositories to read, null for all: the documents hold every repository of the
     *                org, and reading only a few of them saves sending the rest
     * @param days    the days
     * @return per day, the point in effect at its end for each of those repositories that had one then
     */
    public Map<LocalDate, Map<String, Standing>> inEffect(String org, Collection<String> repoIds,
            Collection<LocalDate> days) {
        List<String> ids = new ArrayList<>(List.of(org + "|" + LAST));
        new TreeSet<>(days).forEach(d -> ids.add(org + "|" + d));
        FindIterable<Document> documents = timelines.find(Filters.in("_id", ids));
        if (repoIds != null) {
            List<String> fields = new ArrayList<>(List.of("org"));
            repoIds.forEach(r -> fields.add(field(r)));
            documents = documents.projection(Projections.include(fields));
        }
        Map<String, Document> found = new HashMap<>();
        for (Document d : documents) {
            if (org.equals(d.getString("org"))) {
                found.put(d.getString("_id"), d.get(REPOS, new Document()));
            }
        }
        Document last = found.getOrDefault(org + "|" + LAST, new Document());
        Map<LocalDate, Map<String, Standing>> all = new HashMap<>();
        for (LocalDate day : days) {
            Document onDay = found.getOrDefault(org + "|" + day, new Document());
            Map<String, Standing> standings = new HashMap<>();
            last.forEach((field, entry) -> {
                String repoId = FieldNames.decode(field);
                Document point = pointOn((Document) entry, onDay.get(field, Document.class), day.toString());
                if (point != null) {
                    standings.put(repoId, standing(repoId, point));
                }
            });
            all.put(day, standings);
        }
        return all;
    }

    /** The latest point on or before the day, the day's own value before it, nothing from the deletion on. */
    private static Document pointOn(Document last, Document onDay, String day) {
        String deleted = last.getString("deletedDay");
        if (deleted != null && deleted.compareTo(day) <= 0) {
            return null;
        }
        String latest = last.getString("day");
        return latest != null && latest.compareTo(day) <= 0 ? last.get("point", Document.class) : onDay;
    }

    private static Standing standing(String repoId, Document point) {
        return new Standing(repoId, point.getString("team"), ((Number) point.get("index")).doubleValue(),
                point.getString("grade"), ((Number) point.get("linesOfCode")).longValue());
    }

    /** Sets the point's value on the days from {@code from} up to, not including, {@code until}. */
    private static void setDays(List<Change> changes, DailyPoint point, LocalDate from, LocalDate until) {
        Document value = value(point);
        for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
            changes.add(new Change(point.org(), d.toString(), field(point.repoId()), value));
        }
    }

    private static UpdateOneModel<Document> upsert(String org, String key, Bson change) {
        return new UpdateOneModel<>(Filters.eq("_id", org + "|" + key), Updates.combine(change,
                Updates.setOnInsert("org", org), Updates.setOnInsert("key", key)), new UpdateOptions().upsert(true));
    }

    private static String field(String repoId) {
        return REPOS + "." + FieldNames.encode(repoId);
    }

    private static Document value(DailyPoint p) {
        return new Document("team", p.team()).append("index", p.index()).append("grade", p.grade())
                .append("linesOfCode", p.linesOfCode());
    }
}
