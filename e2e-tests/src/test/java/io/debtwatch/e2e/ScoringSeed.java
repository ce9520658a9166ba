package io.debtwatch.e2e;

import com.mongodb.client.MongoDatabase;
import io.debtwatch.analyzer.score.ScoreModel;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;

/**
 * An org's scoring history written straight into the scoring database: per repository one point a
 * day, as the documents scoring-service writes for it (daily points, current scores, the monthly
 * roll-up changes and totals, the org timelines). Replaying that many analyses one by one
 * through Kafka would time the seeding rather than the queries.
 */
final class ScoringSeed {

    private final String org;
    private final int repositories;
    private final int teams;
    private final LocalDate first;
    private final int days;
    /** Per team, the last day's sums (index × LOC, LOC), to check the trend against. */
    private final Map<String, double[]> lastDay = new LinkedHashMap<>();
    private String worstRepoId;
    private double worstIndex = -1;
    private String mostImprovedRepoId;
    private double mostImprovedChange = Double.MAX_VALUE;

    ScoringSeed(String org, int repositories, int teams, LocalDate first, int days) {
        this.org = org;
        this.repositories = repositories;
        this.teams = teams;
        this.first = first;
        this.days = days;
    }

    LocalDate last() {
        return first.plusDays(days - 1L);
    }

    /** @return the team's LOC-weighted index on the last day, rounded as the service rounds it */
    double lastIndexOf(String team) {
        double[] sums = lastDay.get(team);
        return Math.round(sums[0] / sums[1] * 10.0) / 10.0;
    }

    /** @return the repository with the highest index now (the smallest id among equals) */
    String worstRepoId() {
        return worstRepoId;
    }

    /** @return the repository whose index fell most from 30 days before the last day to the last day */
    String mostImprovedRepoId() {
        return mostImprovedRepoId;
    }

    void write(MongoDatabase db) {
        Random random = new Random(42);
        Map<String, Document> rollups = new LinkedHashMap<>();
        List<Document> points = new ArrayList<>();
        Map<String, Document> timelines = new LinkedHashMap<>();
        Document latest = new Document();
        List<Document> current = new ArrayList<>();
        for (int r = 0; r < repositories; r++) {
            String repoId = String.format("%024x", r + 1);
            String team = "team-" + (r % teams);
            long loc = 1000 + random.nextInt(50_000);
            double index = 10 + random.nextInt(60);
            double previousIndexLoc = 0;
            long previousLoc = 0;
            Document previousPoint = null;
            double monthAgo = 0;
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                index = Math.max(0, Math.min(100, Math.round((index + random.nextGaussian()) * 10) / 10.0));
                String grade = ScoreModel.grade(index);
                if (d == days - 31) {
                    monthAgo = index;
                }
                points.add(new Document("repoId", repoId).append("org", org).append("team", team)
                        .append("day", day.toString()).append("week", week(day)).append("month", month(day))
                        .append("depth", (long) d).append("index", index).append("grade", grade)
                        .append("linesOfCode", loc).append("categoryScores", new Document("satd", index))
                        .append("sha", repoId + d).append("nextDay", d == days - 1 ? null : day.plusDays(1).toString())
                        .append("_id", repoId + ":" + day));
                Document point = new Document("team", team).append("index", index).append("grade", grade)
                        .append("linesOfCode", loc);
                if (d < days - 1) {
                    // a day before the repository's latest point holds its value in the org's document of the day
                    timelines.computeIfAbsent(day.toString(), k -> new Document("_id", org + "|" + k).append("org", org)
                            .append("key", k).append("repos", new Document())).get("repos", Document.class)
                            .append(repoId, point);
                }
                previousPoint = point;
                double indexLoc = index * loc - previousIndexLoc;
                int added = d == 0 ? 1 : 0;
                change(rollups, "org", "org", day, indexLoc, loc - previousLoc, added, true);
                change(rollups, "team", "team:" + team, day, indexLoc, loc - previousLoc, added, false);
                previousIndexLoc = index * loc;
                previousLoc = loc;
            }
            latest.append(repoId, new Document("day", last().toString()).append("point", previousPoint));
            current.add(new Document("_id", repoId).append("repoId", repoId).append("org", org).append("team", team)
                    .append("scoreId", repoId + ":last").append("depth", (long) days - 1).append("index", index)
                    .append("grade", ScoreModel.grade(index)).append("linesOfCode", loc)
                    .append("categoryScores", new Document("satd", index)).append("deleted", false));
            lastDay.merge(team, new double[] {index * loc, loc}, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            double change = Math.round((index - monthAgo) * 10.0) / 10.0;
            if (change < mostImprovedChange) {
                mostImprovedChange = change;
                mostImprovedRepoId = repoId;
            }
            if (index > worstIndex) {
                worstIndex = index;
                worstRepoId = repoId;
            }
            if (points.size() >= 20_000) {
                db.getCollection("daily_points").insertMany(points);
                points.clear();
            }
        }
        if (!points.isEmpty()) {
            db.getCollection("daily_points").insertMany(points);
        }
        db.getCollection("current_scores").insertMany(current);
        timelines.put("last", new Document("_id", org + "|last").append("org", org).append("key", "last")
                .append("repos", latest));
        List<Document> all = new ArrayList<>(timelines.values());
        for (int i = 0; i < all.size(); i += 50) {
            db.getCollection("org_timelines").insertMany(all.subList(i, Math.min(all.size(), i + 50)));
        }
        db.getCollection("rollup_months").insertMany(new ArrayList<>(rollups.values()));
    }

    /** Adds one day's change of a scope to its month's document and to the month's totals. */
    private void change(Map<String, Document> rollups, String kind, String scope, LocalDate day, double indexLoc,
            double loc, int repositoriesAdded, boolean categories) {
        Document monthDoc = rollups.computeIfAbsent(org + "|" + kind + "|" + month(day), id -> new Document("_id", id)
                .append("org", org).append("kind", kind).append("month", month(day)).append("days", new Document()));
        Document totals = rollups.computeIfAbsent(org + "|" + kind, id -> new Document("_id", id).append("org", org)
                .append("kind", kind).append("months", new Document()));
        for (Document sums : List.of(
                sums(sums(monthDoc.get("days", Document.class), day.toString()), scope),
                sums(sums(totals.get("months", Document.class), month(day)), scope))) {
            sums.put("indexLoc", sums.get("indexLoc", 0.0) + indexLoc);
            sums.put("loc", sums.get("loc", 0.0) + loc);
            sums.put("repositories", sums.get("repositories", 0) + repositoriesAdded);
            if (categories) {
                Document categoryLoc = sums(sums, "categoryLoc");
                categoryLoc.put("satd", categoryLoc.get("satd", 0.0) + indexLoc);
            }
        }
    }

    private static Document sums(Document parent, String key) {
        return (Document) parent.computeIfAbsent(key, k -> new Document());
    }

    private static String week(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String month(LocalDate day) {
        return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    }
}
