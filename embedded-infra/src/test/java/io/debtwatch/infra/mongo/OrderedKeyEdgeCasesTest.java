package io.debtwatch.infra.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.InsertOneResult;
import io.debtwatch.infra.FreePorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys whose equality is subtle (1 vs 1L vs 1.0, longs beyond a double, field order in documents, null and
 * missing values in sparse indexes, arrays) behave exactly as in the stock H2 backend: the same writes and
 * reads get the same answers from both, and the stock file reopened by ours reads the same.
 */
class OrderedKeyEdgeCasesTest {

    private static final String READ = "read ";
    private static final ObjectId OID = new ObjectId("5f0000000000000000000001");

    @TempDir
    Path dir;

    @Test
    void subtleKeysGetTheSameAnswersAsFromTheStockBackend() {
        Path stockFile = dir.resolve("stock.mv");
        List<String> stock = run(MongoWireServer.serving(OrderedKeyH2BackendTest.stockBackend(stockFile), FreePorts.pick()),
                db -> concat(writes(db), reads(db)));
        List<String> ours = run(MongoWireServer.onDisk(dir.resolve("ours.mv"), FreePorts.pick()),
                db -> concat(writes(db), reads(db)));
        assertEquals(String.join("\n", stock), String.join("\n", ours));

        List<String> carriedOver = run(MongoWireServer.onDisk(stockFile, FreePorts.pick()), OrderedKeyEdgeCasesTest::reads);
        assertEquals(String.join("\n", reads(stock)), String.join("\n", carriedOver));
    }

    private static List<String> writes(MongoDatabase db) {
        List<String> out = new ArrayList<>();
        MongoCollection<Document> mixed = db.getCollection("mixed");
        for (Object id : List.of(1, 1L, 1.0, 2L, 2.5, 9007199254740993L, 9007199254740992L, 9007199254740992.0,
                -0.0, 0, Double.NaN, Double.NaN, "a", "A", "ä", "", true, false, new Date(0), OID,
                new Document("a", 1).append("b", 2), new Document("b", 2).append("a", 1),
                new Document("a", 1).append("b", 2.0), new Document("a", 1), new Document("a", 1).append("b", List.of(1, 2)))) {
            out.add(attempt("insert " + id, () -> mixed.insertOne(new Document("_id", id))));
        }
        out.add(attempt("insert null", () -> mixed.insertOne(new Document("_id", null))));
        out.add(attempt("insert null again", () -> mixed.insertOne(new Document("_id", null))));
        out.add(attempt("upsert 1L", () -> mixed.updateOne(eq("_id", 1L), Updates.set("x", 1), new UpdateOptions().upsert(true))));
        out.add(attempt("upsert 3L", () -> mixed.updateOne(eq("_id", 3L), Updates.set("x", 3), new UpdateOptions().upsert(true))));
        out.add(attempt("delete 2.0", () -> mixed.deleteOne(eq("_id", 2.0)).getDeletedCount()));

        MongoCollection<Document> sparse = db.getCollection("sparse");
        sparse.createIndex(Indexes.ascending("nick"), new IndexOptions().unique(true).sparse(true));
        int id = 0;
        for (Document nick : List.of(new Document(), new Document(), new Document("nick", null), new Document("nick", null),
                new Document("nick", "x"), new Document("nick", "x"), new Document("nick", 1), new Document("nick", 1L),
                new Document("nick", List.of("y", "z")), new Document("nick", "z"))) {
            Document doc = new Document("_id", ++id).append("nick", nick.get("nick"));
            if (nick.isEmpty()) {
                doc.remove("nick");
            }
            out.add(attempt("sparse " + doc.toJson(), () -> sparse.insertOne(doc)));
        }
        out.add(attempt("sparse set nick x on 1", () -> sparse.updateOne(eq("_id", 1), Updates.set("nick", "x"))));

        MongoCollection<Document> compound = db.getCollection("compound");
        compound.createIndex(Indexes.ascending("a", "b"), new IndexOptions().unique(true));
        for (Document doc : List.of(new Document("a", 1).append("b", "x"), new Document("a", 1).append("b", "y"),
                new Document("a", 1.0).append("b", "x"), new Document("a", 1), new Document("a", 1).append("b", null),
                new Document("b", "x").append("a", 2), new Document("a", 2).append("b", "x"))) {
            doc.put("_id", "c-" + out.size());
            out.add(attempt("compound " + doc.toJson(), () -> compound.insertOne(doc)));
        }
        return out;
    }

    private static List<String> reads(MongoDatabase db) {
        List<String> out = new ArrayList<>();
        MongoCollection<Document> mixed = db.getCollection("mixed");
        for (Object id : List.of(1, 1L, 1.0, 2, 2.0, 3, 9007199254740993L, 9007199254740992L, 9007199254740992.0, 0.0,
                Double.NaN, "a", "ä", true, new Date(0), OID, new Document("b", 2).append("a", 1),
                new Document("a", 1L).append("b", 2L), new Document("a", 1))) {
            out.add(find("find " + id, mixed, eq("_id", id)));
        }
        out.add(find("find null", mixed, eq("_id", null)));
        out.add(find("in", mixed, in("_id", 1L, "a", true, 9007199254740993L, new Document("a", 1).append("b", 2), OID, "none")));
        out.add(find("sparse null", db.getCollection("sparse"), eq("nick", null)));
        out.add(find("sparse x", db.getCollection("sparse"), eq("nick", "x")));
        out.add(find("sparse z", db.getCollection("sparse"), eq("nick", "z")));
        out.add(find("compound 1 x", db.getCollection("compound"), new Document("a", 1).append("b", "x")));
        return out;
    }

    /** The reads of a run: the lines after its writes. */
    private static List<String> reads(List<String> run) {
        return run.stream().filter(line -> line.startsWith(READ)).toList();
    }

    private static String attempt(String what, Supplier<Object> write) {
        try {
            Object result = write.get();
            return what + ": " + (result instanceof InsertOneResult ? "ok" : result);
        } catch (MongoException e) {
            return what + ": E" + e.getCode();
        }
    }

    private static String attempt(String what, Runnable write) {
        return attempt(what, () -> {
            write.run();
            return "ok";
        });
    }

    private static String find(String what, MongoCollection<Document> collection, Bson filter) {
        List<String> found = new ArrayList<>();
        collection.find(filter).forEach(doc -> found.add(doc.toJson()));
        found.sort(null);
        return READ + what + ": " + found;
    }

    private static List<String> run(MongoWireServer server, Function<MongoDatabase, List<String>> script) {
        try (server; MongoClient client = MongoClients.create(server.connectionString())) {
            return script.apply(client.getDatabase("edge"));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
