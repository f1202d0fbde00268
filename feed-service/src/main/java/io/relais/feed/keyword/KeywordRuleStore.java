package io.relais.feed.keyword;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code moderation_rules} collection: one document for the organisation,
 * {@code {_id: "organisation", rules: [{term, mode}], updated, updatedBy}}, read by {@code _id} on every write
 * of a post or comment.
 */
@ApplicationScoped
public class KeywordRuleStore {

    static final String ORGANISATION = "organisation";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    public List<KeywordRule> rules() {
        Document d = collection().find(eq("_id", ORGANISATION)).first();
        if (d == null) return List.of();
        return d.getList("rules", Document.class, List.of()).stream()
                .map(r -> new KeywordRule(r.getString("term"), r.getString("mode"))).toList();
    }

    public void replace(List<KeywordRule> rules, String byIri, Date at) {
        collection().replaceOne(eq("_id", ORGANISATION), new Document("_id", ORGANISATION)
                .append("rules", rules.stream().map(r -> new Document("term", r.term()).append("mode", r.mode())).toList())
                .append("updated", at).append("updatedBy", byIri), new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("moderation_rules");
    }
}
