package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.service.Buckets;
import io.debtwatch.scoring.service.Contribution;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Precomputed team and org roll-ups, stored as day-by-day changes: the roll-up on day D is the sum
 * of the changes up to D. A repository's point then touches two documents (its day and the day of
 * its next point) instead of every day it is carried forward to.
 */
@ApplicationScoped
@Startup
public class RollupRepository {

    /** The scope of the whole organisation. */
    public static final String ORG = "org";

    private final MongoCollection<Document> deltas;

    RollupRepository(ScoringDatabase database) {
        this.deltas = database.collection("rollup_deltas");
    }

    @PostConstruct
    void indexes() {
        deltas.createIndex(Indexes.ascending("org", "kind", "day"));
    }

    /** The change of one scope's sums on one day. */
    public record Delta(String scope, String day, Contribution change) {
    }

    /**
     * @param org   the organisation
     * @param team  the team, or null for the organisation scope
     * @param day   the day the change takes effect
     * @param change what to add
     */
    public void add(String org, String team, LocalDate day, Contribution change) {
        String scope = team == null ? ORG : "team:" + team;
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc("indexLoc", change.indexLoc()),
                Updates.inc("loc", change.loc()), Updates.inc("repositories", change.repositories()),
                Updates.setOnInsert("org", org), Updates.setOnInsert("kind", team == null ? ORG : "team"),
                Updates.setOnInsert("scope", scope), Updates.setOnInsert("day", day.toString()),
                Updates.setOnInsert("week", Buckets.week(day)), Updates.setOnInsert("month", Buckets.month(day))));
        change.categoryLoc().forEach((k, v) -> updates.add(Updates.inc("categoryLoc." + k, v)));
        deltas.updateOne(Filters.eq("_id", org + "|" + scope + "|" + day), Updates.combine(updates),
                new UpdateOptions().upsert(true));
    }

    /**
     * @param org  the organisation
     * @param kind {@link #ORG} or {@code team}
     * @param to   the last day, inclusive
     * @return every change of that kind of scope up to the day, oldest first
     */
    public List<Delta> upTo(String org, String kind, String to) {
        List<Delta> all = new ArrayList<>();
        for (Document d : deltas.find(Filters.and(Filters.eq("org", org), Filters.eq("kind", kind),
                Filters.lte("day", to))).sort(Sorts.ascending("day"))) {
            all.add(new Delta(d.getString("scope"), d.getString("day"), contribution(d)));
        }
        return all;
    }

    private static Contribution contribution(Document d) {
        Document categories = d.get("categoryLoc", Document.class);
        Map<String, Double> categoryLoc = new java.util.HashMap<>();
        if (categories != null) {
            categories.forEach((k, v) -> categoryLoc.put(k, ((Number) v).doubleValue()));
        }
        return new Contribution(((Number) d.get("indexLoc")).doubleValue(), ((Number) d.get("loc")).doubleValue(),
                ((Number) d.get("repositories")).intValue(), categoryLoc);
    }
}
