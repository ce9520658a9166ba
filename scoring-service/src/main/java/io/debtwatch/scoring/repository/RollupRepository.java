package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.debtwatch.scoring.service.Buckets;
import io.debtwatch.scoring.service.Contribution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

/**
 * Precomputed team and org roll-ups, stored as day-by-day changes: the roll-up on day D is the sum
 * of the changes up to D. A repository's point then touches two days (its own and the day of its
 * next point) instead of every day it is carried forward to.
 *
 * <p>The changes of one org, kind of scope and month sit in one document ({@code org|kind|month},
 * keyed by day and scope), and one totals document per org and kind ({@code org|kind}) holds each
 * month's sums. A trend then reads its months plus the totals by {@code _id} alone: at most a
 * dozen or so documents for a year, however long the history, and an {@code _id} lookup is the one
 * query the local MongoDB-wire server answers from an index. The ids start with the org slug, which
 * cannot contain {@code |}, so no org reads another's documents.
 */
@ApplicationScoped
public class RollupRepository {

    /** The scope of the whole organisation. */
    public static final String ORG = "org";

    private static final String BEFORE_ANY_DAY = "0000-00-00";

    private final MongoCollection<Document> rollups;
    private final MongoCollection<RawBsonDocument> raw;

    RollupRepository(ScoringDatabase database) {
        this.rollups = database.collection("rollup_months");
        this.raw = rollups.withDocumentClass(RawBsonDocument.class);
    }

    /** The change of one scope's sums on one day. */
    public record Delta(String scope, String day, Contribution change) {
    }

    /**
     * @param org    the organisation
     * @param team   the team, or null for the organisation scope
     * @param day    the day the change takes effect
     * @param change what to add
     */
    public void add(String org, String team, LocalDate day, Contribution change) {
        write(changes(org, team, day, change));
    }

    /**
     * @param org    the organisation
     * @param team   the team, or null for the organisation scope
     * @param day    the day the change takes effect
     * @param change what to add
     * @return the two increments that add it: to the month's document and to the totals
     */
    public List<UpdateOneModel<Document>> changes(String org, String team, LocalDate day, Contribution change) {
        return changes(List.of(new Change(org, team, day, change)));
    }

    /**
     * One scope's change on one day.
     *
     * @param org    the organisation
     * @param team   the team, or null for the organisation scope
     * @param day    the day the change takes effect
     * @param change what to add
     */
    public record Change(String org, String team, LocalDate day, Contribution change) {
    }

    /**
     * The increments that add all these changes, one per document they touch: a batch of a
     * backfill's scores changes one month document and one totals document many times, and each
     * update made the server copy and rewrite the whole document. The changes to the same field are
     * summed first, so the stored sums can differ in the last bits from adding them one by one.
     *
     * @param changes the changes, in any order
     * @return one increment per month document and per totals document, in the order first touched
     */
    public List<UpdateOneModel<Document>> changes(Collection<Change> changes) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Change c : changes) {
            String kind = c.team() == null ? ORG : "team";
            String scope = FieldNames.encode(c.team() == null ? ORG : "team:" + c.team());
            String month = Buckets.month(c.day());
            targets.computeIfAbsent(c.org() + "|" + kind + "|" + month, id -> new Target(id, c.team() == null,
                    List.of(Updates.setOnInsert("org", c.org()), Updates.setOnInsert("kind", kind),
                            Updates.setOnInsert("month", month))))
                    .add("days." + c.day() + "." + scope + ".", c.change());
            targets.computeIfAbsent(c.org() + "|" + kind, id -> new Target(id, c.team() == null,
                    List.of(Updates.setOnInsert("org", c.org()), Updates.setOnInsert("kind", kind))))
                    .add("months." + month + "." + scope + ".", c.change());
        }
        return targets.values().stream().map(Target::update).toList();
    }

    /** One roll-up document a batch changes: the sums to add under each field prefix. */
    private record Target(String id, boolean categories, List<Bson> identity, Map<String, Contribution> sums) {

        Target(String id, boolean categories, List<Bson> identity) {
            this(id, categories, identity, new LinkedHashMap<>());
        }

        void add(String prefix, Contribution change) {
            sums.merge(prefix, change, Contribution::plus);
        }

        UpdateOneModel<Document> update() {
            List<Bson> update = new ArrayList<>();
            sums.forEach((prefix, sum) -> update.add(increments(prefix, sum, categories)));
            update.addAll(identity);
            return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(update),
                    new UpdateOptions().upsert(true));
        }
    }

    /**
     * Applies increments in one round trip, in order.
     *
     * @param changes increments from {@link #changes}
     */
    public void write(List<? extends WriteModel<Document>> changes) {
        if (!changes.isEmpty()) {
            rollups.bulkWrite(changes, new BulkWriteOptions().ordered(true));
        }
    }

    /**
     * @param org  the organisation
     * @param kind {@link #ORG} or {@code team}
     * @param from the first day the caller reads off
     * @param to   the last day, inclusive
     * @return per scope one change on a day before any other holding every change before the month
     *         of {@code from}, then every change from that month up to {@code to}, oldest first
     */
    public List<Delta> upTo(String org, String kind, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>(List.of(org + "|" + kind));
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            ids.add(org + "|" + kind + "|" + Buckets.month(m.atDay(1)));
        }
        String firstMonth = Buckets.month(from);
        String last = to.toString();
        Map<String, Contribution> base = new TreeMap<>();
        List<Delta> all = new ArrayList<>();
        // read straight off the BSON: a year by team is some 7,000 sums, and a Document per sum was most of the time
        for (RawBsonDocument d : raw.find(Filters.in("_id", ids))) {
            try (BsonBinaryReader reader = new BsonBinaryReader(d.getByteBuffer().asNIO())) {
                reader.readStartDocument();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    String name = reader.readName();
                    if ("months".equals(name)) {
                        readSums(reader, (month, scope, sums) -> {
                            if (month.compareTo(firstMonth) < 0) {
                                base.merge(scope, sums, Contribution::plus);
                            }
                        });
                    } else if ("days".equals(name)) {
                        readSums(reader, (day, scope, sums) -> {
                            if (day.compareTo(last) <= 0) {
                                all.add(new Delta(scope, day, sums));
                            }
                        });
                    } else {
                        reader.skipValue();
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Delta::day));
        List<Delta> withBase = new ArrayList<>();
        base.forEach((scope, sums) -> withBase.add(new Delta(scope, BEFORE_ANY_DAY, sums)));
        withBase.addAll(all);
        return withBase;
    }

    /** What to do with the sums of one scope under one key (a day or a month). */
    private interface SumsConsumer {
        void accept(String key, String scope, Contribution sums);
    }

    /** Reads {@code {key: {scope: sums}}} at the reader's position. */
    private static void readSums(BsonReader reader, SumsConsumer consumer) {
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String key = reader.readName();
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String scope = FieldNames.decode(reader.readName());
                consumer.accept(key, scope, contribution(reader));
            }
            reader.readEndDocument();
        }
        reader.readEndDocument();
    }

    private static Bson increments(String prefix, Contribution change, boolean categories) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.inc(prefix + "indexLoc", change.indexLoc()),
                Updates.inc(prefix + "loc", change.loc()), Updates.inc(prefix + "repositories", change.repositories())));
        if (categories) {
            change.categoryLoc().forEach((k, v) -> updates.add(Updates.inc(prefix + "categoryLoc." + FieldNames.encode(k),
                    v)));
        }
        return Updates.combine(updates);
    }

    /** Reads one scope's sums at the reader's position. */
    private static Contribution contribution(BsonReader reader) {
        double indexLoc = 0;
        double loc = 0;
        int repositories = 0;
        Map<String, Double> categoryLoc = Map.of();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "indexLoc" -> indexLoc = number(reader);
                case "loc" -> loc = number(reader);
                case "repositories" -> repositories = (int) number(reader);
                case "categoryLoc" -> {
                    categoryLoc = new HashMap<>();
                    reader.readStartDocument();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        categoryLoc.put(FieldNames.decode(reader.readName()), number(reader));
                    }
                    reader.readEndDocument();
                }
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new Contribution(indexLoc, loc, repositories, categoryLoc);
    }

    /** $inc keeps the type of what it added: a double, or an integer where only integers were added. */
    private static double number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case DOUBLE -> reader.readDouble();
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            default -> throw new IllegalStateException("not a number in a roll-up: " + reader.getCurrentBsonType());
        };
    }
}
