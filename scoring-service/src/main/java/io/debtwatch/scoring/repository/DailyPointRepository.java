package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.debtwatch.scoring.service.DailyPoint;
import io.debtwatch.service.mongo.ByIds;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** One point per repository and day, with its day, ISO-week and month bucket fields. */
@ApplicationScoped
@Startup
public class DailyPointRepository {

    private final MongoCollection<Document> points;

    DailyPointRepository(ScoringDatabase database) {
        this.points = database.collection("daily_points");
    }

    @PostConstruct
    void indexes() {
        points.createIndex(Indexes.ascending("repoId", "day"));
        points.createIndex(Indexes.ascending("org", "day"));
    }

    /**
     * Writes points in one round trip.
     *
     * @param replaced points written whole, each replacing that repository's point of the same day
     * @param moved    stored points whose {@code nextDay} alone changed
     */
    public void writeAll(Collection<DailyPoint> replaced, Collection<DailyPoint> moved) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (DailyPoint point : replaced) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", key(point.repoId(), point.day())),
                    Docs.toDocument(point).append("_id", key(point.repoId(), point.day())),
                    new ReplaceOptions().upsert(true)));
        }
        for (DailyPoint point : moved) {
            writes.add(new UpdateOneModel<>(Filters.eq("_id", key(point.repoId(), point.day())),
                    Updates.set("nextDay", point.nextDay())));
        }
        if (!writes.isEmpty()) {
            points.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * @param repoId the repository
     * @param day    the day of its point
     * @param next   the day of its next point, null when none
     */
    public void setNextDay(String repoId, String day, String next) {
        points.updateOne(Filters.eq("_id", key(repoId, day)), Updates.set("nextDay", next));
    }

    /**
     * @param repoId the repository
     * @param day    the day
     * @return its point of that day
     */
    public Optional<DailyPoint> at(String repoId, String day) {
        return first(Filters.eq("_id", key(repoId, day)), Sorts.ascending("day"));
    }

    /**
     * @param days repositories and days
     * @return the points stored on those days, read by {@code _id} alone
     */
    public List<DailyPoint> atAll(Collection<Map.Entry<String, String>> days) {
        List<DailyPoint> found = new ArrayList<>();
        for (Document d : ByIds.find(points, days.stream().map(e -> key(e.getKey(), e.getValue())).toList())) {
            found.add(Docs.fromDocument(d, DailyPoint.class));
        }
        return found;
    }

    /**
     * @param repoId the repository
     * @param day    the day
     * @return its latest point strictly before the day
     */
    public Optional<DailyPoint> before(String repoId, String day) {
        return first(Filters.and(Filters.eq("repoId", repoId), Filters.lt("day", day)), Sorts.descending("day"));
    }

    /**
     * @param repoId the repository
     * @param day    the day
     * @return its earliest point strictly after the day
     */
    public Optional<DailyPoint> after(String repoId, String day) {
        return first(Filters.and(Filters.eq("repoId", repoId), Filters.gt("day", day)), Sorts.ascending("day"));
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @param from   first day, inclusive
     * @param to     last day, inclusive
     * @return its points in the range, oldest first
     */
    public List<DailyPoint> range(String org, String repoId, String from, String to) {
        return list(Filters.and(Filters.eq("org", org), Filters.eq("repoId", repoId), Filters.gte("day", from),
                Filters.lte("day", to)));
    }

    /**
     * @param repoId the repository
     * @param from   first day, inclusive
     * @return its points from that day on, oldest first
     */
    public List<DailyPoint> from(String repoId, String from) {
        return list(Filters.and(Filters.eq("repoId", repoId), Filters.gte("day", from)));
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @param day    the day
     * @return the repository's point in effect on that day
     */
    public Optional<DailyPoint> effectiveOn(String org, String repoId, String day) {
        return first(Filters.and(Filters.eq("org", org), Filters.eq("repoId", repoId), Filters.lte("day", day),
                Filters.or(Filters.eq("nextDay", null), Filters.gt("nextDay", day))), Sorts.descending("day"));
    }

    /**
     * @param org the organisation
     * @param to  last day, inclusive
     * @return every point of the organisation up to the day, oldest first
     */
    public List<DailyPoint> upTo(String org, String to) {
        return list(Filters.and(Filters.eq("org", org), Filters.lte("day", to)));
    }

    /**
     * @param repoId the repository whose history is purged or cut
     * @param from   first day removed, inclusive
     */
    public void deleteFrom(String repoId, String from) {
        points.deleteMany(Filters.and(Filters.eq("repoId", repoId), Filters.gte("day", from)));
    }

    /**
     * @return every repository that has points, deleted ones included
     */
    public List<String> repoIds() {
        List<String> ids = new ArrayList<>();
        points.distinct("repoId", String.class).forEach(ids::add);
        return ids;
    }

    /**
     * @param repoId the repository
     * @return all its points, oldest first
     */
    public List<DailyPoint> all(String repoId) {
        return list(Filters.eq("repoId", repoId));
    }

    private Optional<DailyPoint> first(Bson filter, Bson sort) {
        return Optional.ofNullable(points.find(filter).sort(sort).first())
                .map(d -> Docs.fromDocument(d, DailyPoint.class));
    }

    private List<DailyPoint> list(Bson filter) {
        List<DailyPoint> all = new ArrayList<>();
        for (Document d : points.find(filter).sort(Sorts.ascending("day"))) {
            all.add(Docs.fromDocument(d, DailyPoint.class));
        }
        return all;
    }

    private static String key(String repoId, String day) {
        return repoId + ":" + day;
    }
}
