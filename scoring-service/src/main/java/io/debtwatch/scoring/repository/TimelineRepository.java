package io.debtwatch.scoring.repository;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.debtwatch.scoring.service.Buckets;
import io.debtwatch.scoring.service.DailyPoint;
import io.debtwatch.scoring.service.Standing;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Each repository's daily points once more, laid out so that "every repository's value on day D"
 * is one read by {@code _id}: one document per repository and month ({@code repoId|month}) with
 * that month's points and the point in effect when the month starts, and one per repository
 * ({@code repoId|last}) with its latest point and its deletion day. Every month between two points
 * gets its document when the later of the two is written, so a day between two points always finds
 * its month; a day after the latest point is answered by the latest point.
 */
@ApplicationScoped
@Startup
public class TimelineRepository {

    /**
     * Ids per {@code $in}: the wire server finds each id through its index but then matches every
     * document against the whole list again, so one list of thousands costs quadratic time.
     */
    private static final int IDS_PER_QUERY = 200;

    private final MongoCollection<Document> timelines;

    TimelineRepository(ScoringDatabase database) {
        this.timelines = database.collection("repository_timelines");
    }

    @PostConstruct
    void indexes() {
        timelines.createIndex(Indexes.ascending("repoId"));
    }

    /**
     * @param point    the point written
     * @param previous the repository's point before it, if any
     * @param next     the repository's point after it, if any
     */
    public void record(DailyPoint point, Optional<DailyPoint> previous, Optional<DailyPoint> next) {
        write(changes(point, previous, next));
    }

    /**
     * @param point    the point written
     * @param previous the repository's point before it, if any
     * @param next     the repository's point after it, if any
     * @return the updates that record it, to apply in this order
     */
    public List<UpdateOneModel<Document>> changes(DailyPoint point, Optional<DailyPoint> previous,
            Optional<DailyPoint> next) {
        List<UpdateOneModel<Document>> changes = new ArrayList<>();
        LocalDate day = LocalDate.parse(point.day());
        changes.add(update(point, YearMonth.from(day), Updates.set("days." + point.day(), value(point))));
        previous.ifPresent(p -> startMonths(changes, point, YearMonth.from(LocalDate.parse(p.day())),
                YearMonth.from(day), value(p)));
        if (next.isPresent()) {
            startMonths(changes, point, YearMonth.from(day), YearMonth.from(LocalDate.parse(next.get().day())),
                    value(point));
        } else {
            changes.add(new UpdateOneModel<>(Filters.eq("_id", point.repoId() + "|last"), Updates.combine(
                    Updates.set("day", point.day()), Updates.set("point", value(point)),
                    Updates.setOnInsert("org", point.org()), Updates.setOnInsert("repoId", point.repoId())),
                    new UpdateOptions().upsert(true)));
        }
        return changes;
    }

    /**
     * Applies updates in one round trip, in order: later ones of the same document win, as one by one.
     *
     * @param changes updates from {@link #changes}
     */
    public void write(List<? extends WriteModel<Document>> changes) {
        if (!changes.isEmpty()) {
            timelines.bulkWrite(changes, new BulkWriteOptions().ordered(true));
        }
    }

    /**
     * @param repoId   the repository
     * @param day      the day it leaves the roll-ups
     * @param previous its point before that day, which stays its latest
     */
    public void deleteFrom(String repoId, LocalDate day, Optional<DailyPoint> previous) {
        timelines.updateOne(Filters.eq("_id", repoId + "|last"), Updates.combine(
                Updates.set("day", previous.map(DailyPoint::day).orElse(null)),
                Updates.set("point", previous.map(TimelineRepository::value).orElse(null)),
                Updates.set("deletedDay", day.toString())));
    }

    /**
     * @param repoId the repository whose history is purged
     */
    public void purge(String repoId) {
        timelines.deleteMany(Filters.eq("repoId", repoId));
    }

    /**
     * Reads the latest points first; only a day before a repository's latest point needs its month,
     * and of that month only the start and the days up to the day asked for.
     *
     * @param org     the organisation
     * @param repoIds its repositories to look at
     * @param days    the days
     * @return per day, the point in effect at its end for each repository that had one
     */
    public Map<LocalDate, Map<String, Standing>> inEffect(String org, Collection<String> repoIds,
            Collection<LocalDate> days) {
        Map<String, Document> found = read(org, repoIds.stream().map(r -> r + "|last").toList(), List.of());
        Map<LocalDate, List<String>> monthsUpTo = new TreeMap<>();
        for (String repoId : repoIds) {
            Document last = found.get(repoId + "|last");
            Set<String> months = new HashSet<>();
            days.stream().sorted(Comparator.reverseOrder()).forEach(day -> {
                if (last != null && !answeredByLast(last, day.toString())
                        && months.add(repoId + "|" + Buckets.month(day))) {
                    monthsUpTo.computeIfAbsent(day, d -> new ArrayList<>()).add(repoId + "|" + Buckets.month(day));
                }
            });
        }
        monthsUpTo.forEach((upTo, ids) -> {
            List<String> fields = new ArrayList<>(List.of("start"));
            for (LocalDate d = upTo.withDayOfMonth(1); !d.isAfter(upTo); d = d.plusDays(1)) {
                fields.add("days." + d);
            }
            found.putAll(read(org, ids, fields));
        });
        Map<LocalDate, Map<String, Standing>> all = new HashMap<>();
        for (LocalDate day : days) {
            Map<String, Standing> onDay = new HashMap<>();
            for (String repoId : repoIds) {
                Document point = pointOn(found.get(repoId + "|last"), found.get(repoId + "|" + Buckets.month(day)),
                        day.toString());
                if (point != null) {
                    onDay.put(repoId, new Standing(repoId, point.getString("team"),
                            ((Number) point.get("index")).doubleValue(), point.getString("grade"),
                            ((Number) point.get("linesOfCode")).longValue()));
                }
            }
            all.put(day, onDay);
        }
        return all;
    }

    /** The documents of the org among the ids, with the fields named (all when none are). */
    private Map<String, Document> read(String org, List<String> ids, List<String> fields) {
        Map<String, Document> found = new HashMap<>();
        List<String> include = new ArrayList<>(List.of("org", "repoId"));
        include.addAll(fields);
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            FindIterable<Document> documents = timelines.find(Filters.in("_id",
                    ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY))));
            (fields.isEmpty() ? documents : documents.projection(Projections.include(include))).forEach(d -> {
                if (org.equals(d.getString("org"))) {
                    found.put(d.getString("_id"), d);
                }
            });
        }
        return found;
    }

    /** Whether the day is on or after the latest point or the deletion, so the month is not needed. */
    private static boolean answeredByLast(Document last, String day) {
        String deleted = last.getString("deletedDay");
        String latest = last.getString("day");
        return deleted != null && deleted.compareTo(day) <= 0 || latest != null && latest.compareTo(day) <= 0;
    }

    private static Document pointOn(Document last, Document month, String day) {
        if (last == null || last.getString("deletedDay") != null && last.getString("deletedDay").compareTo(day) <= 0) {
            return null;
        }
        if (last.getString("day") != null && last.getString("day").compareTo(day) <= 0) {
            return last.get("point", Document.class);
        }
        if (month == null) {
            return null;
        }
        String latest = null;
        for (String d : month.get("days", new Document()).keySet()) {
            if (d.compareTo(day) <= 0 && (latest == null || d.compareTo(latest) > 0)) {
                latest = d;
            }
        }
        return latest != null ? month.get("days", Document.class).get(latest, Document.class)
                : month.get("start", Document.class);
    }

    /** Sets the start of the months after {@code from} up to {@code to}: the point in effect there. */
    private static void startMonths(List<UpdateOneModel<Document>> changes, DailyPoint point, YearMonth from,
            YearMonth to, Document start) {
        for (YearMonth m = from.plusMonths(1); !m.isAfter(to); m = m.plusMonths(1)) {
            changes.add(update(point, m, Updates.set("start", start)));
        }
    }

    private static UpdateOneModel<Document> update(DailyPoint point, YearMonth month, Bson change) {
        String text = Buckets.month(month.atDay(1));
        return new UpdateOneModel<>(Filters.eq("_id", point.repoId() + "|" + text), Updates.combine(change,
                Updates.setOnInsert("org", point.org()), Updates.setOnInsert("repoId", point.repoId()),
                Updates.setOnInsert("month", text)), new UpdateOptions().upsert(true));
    }

    private static Document value(DailyPoint p) {
        return new Document("team", p.team()).append("index", p.index()).append("grade", p.grade())
                .append("linesOfCode", p.linesOfCode());
    }
}
