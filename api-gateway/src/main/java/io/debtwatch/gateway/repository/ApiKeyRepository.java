package io.debtwatch.gateway.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.debtwatch.gateway.service.ApiKey;
import io.debtwatch.gateway.service.Scope;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** API keys in MongoDB (collection {@code api_keys}); every query by id also filters by org. */
@Startup
@ApplicationScoped
public class ApiKeyRepository {

    private final MongoCollection<Document> keys;

    ApiKeyRepository(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.keys = client.getDatabase(database).getCollection("api_keys");
    }

    @PostConstruct
    void indexes() {
        keys.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true));
        keys.createIndex(Indexes.compoundIndex(Indexes.ascending("org"), Indexes.descending("createdAt")));
    }

    /**
     * @param key a new key, without id
     * @return the key with its id
     */
    public ApiKey insert(ApiKey key) {
        ObjectId id = new ObjectId();
        keys.insertOne(new Document("_id", id).append("org", key.org()).append("name", key.name())
                .append("prefix", key.prefix()).append("hash", key.hash())
                .append("scopes", key.scopes().stream().map(Scope::apiName).toList())
                .append("createdAt", Date.from(key.createdAt())));
        return new ApiKey(id.toHexString(), key.org(), key.name(), key.prefix(), key.hash(), key.scopes(),
                key.createdAt(), null, null);
    }

    /**
     * @param org an org
     * @return whether it has at least one key that is not revoked
     */
    public boolean hasActiveKey(String org) {
        return keys.find(Filters.and(Filters.eq("org", org), Filters.eq("revokedAt", null))).limit(1).first() != null;
    }

    /**
     * @param hash SHA-256 of a presented key
     * @return the key when it exists and is not revoked
     */
    public Optional<ApiKey> findActiveByHash(String hash) {
        return Optional.ofNullable(keys.find(Filters.and(Filters.eq("hash", hash), Filters.eq("revokedAt", null)))
                .first()).map(ApiKeyRepository::toKey);
    }

    /**
     * @param org an org
     * @return its keys, newest first, revoked ones included
     */
    public List<ApiKey> list(String org) {
        List<ApiKey> found = new ArrayList<>();
        keys.find(Filters.eq("org", org)).sort(Sorts.descending("createdAt")).forEach(doc -> found.add(toKey(doc)));
        return found;
    }

    /**
     * @param org the org the key must belong to
     * @param id  the key's id
     * @return the key, empty when the org has no such key
     */
    public Optional<ApiKey> find(String org, String id) {
        return Optional.ofNullable(keys.find(byOrgAndId(org, id)).first()).map(ApiKeyRepository::toKey);
    }

    /**
     * @param org the org the key must belong to
     * @param id  the key's id
     * @param now the revocation time
     * @return whether an active key of that org was revoked
     */
    public boolean revoke(String org, String id, Instant now) {
        return keys.updateOne(Filters.and(byOrgAndId(org, id), Filters.eq("revokedAt", null)),
                Updates.set("revokedAt", Date.from(now))).getModifiedCount() == 1;
    }

    /**
     * Records a use, at most once per {@code notBefore} interval so a busy key does not write on every call.
     *
     * @param id        the key's id
     * @param now       the time of use
     * @param notBefore only write when the recorded use is older than this
     */
    public void touch(String id, Instant now, Instant notBefore) {
        keys.updateOne(Filters.and(Filters.eq("_id", new ObjectId(id)),
                Filters.or(Filters.eq("lastUsedAt", null), Filters.lt("lastUsedAt", Date.from(notBefore)))),
                Updates.set("lastUsedAt", Date.from(now)));
    }

    private static Bson byOrgAndId(String org, String id) {
        return Filters.and(Filters.eq("org", org), Filters.eq("_id", new ObjectId(id)));
    }

    private static ApiKey toKey(Document doc) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        doc.getList("scopes", String.class).forEach(name -> Scope.parse(name).ifPresent(scopes::add));
        return new ApiKey(doc.getObjectId("_id").toHexString(), doc.getString("org"), doc.getString("name"),
                doc.getString("prefix"), doc.getString("hash"), scopes, instant(doc.getDate("createdAt")),
                instant(doc.getDate("lastUsedAt")), instant(doc.getDate("revokedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
