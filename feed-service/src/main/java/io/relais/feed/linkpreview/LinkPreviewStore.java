package io.relais.feed.linkpreview;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.relais.feed.readcache.ReadCaches;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Link previews by post: {@code link_previews: {_id: post IRI, link, url, title, site, at, announced}}, read by
 * {@code _id} (one {@code $in} per page of posts). {@code link} is the post's link as written (what the preview was
 * made for, so a replay or the preview's own Update does not fetch again); {@code announced} is set once its Update
 * went to the outbox, so a crash in between announces it on the replay.
 */
@ApplicationScoped
public class LinkPreviewStore {

    /** What is stored for a post. */
    public record Stored(String link, LinkPreview preview, boolean announced) {
    }

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    /** The replica's read-path caches: a stored preview drops what they held for its post. */
    @Inject
    ReadCaches caches;

    /** The previews of these posts (those that have one). */
    public Map<String, LinkPreview> findAll(Collection<String> postIris) {
        Map<String, LinkPreview> out = new HashMap<>();
        if (postIris.isEmpty()) return out;
        for (Document d : previews().find(Filters.in("_id", postIris))) {
            if (d.getString("title") != null) out.put(d.getString("_id"), preview(d));
        }
        return out;
    }

    /** What is stored for one post. */
    public Optional<Stored> find(String postIri) {
        Document d = previews().find(Filters.eq("_id", postIri)).first();
        if (d == null) return Optional.empty();
        return Optional.of(new Stored(d.getString("link"), d.getString("title") == null ? null : preview(d),
                Boolean.TRUE.equals(d.getBoolean("announced"))));
    }

    /** Stores what a fetch of {@code link} gave ({@code preview} null: nothing to show), not yet announced. */
    public void save(String postIri, String link, LinkPreview preview) {
        Document d = new Document("_id", postIri).append("link", link).append("at", Instant.now().toEpochMilli())
                .append("announced", false);
        if (preview != null) d.append("url", preview.url()).append("title", preview.title()).append("site", preview.site());
        previews().replaceOne(Filters.eq("_id", postIri), d, new ReplaceOptions().upsert(true));
        if (caches != null) caches.changed(postIri);
    }

    /** Marks the post's preview as announced. */
    public void announced(String postIri) {
        previews().updateOne(Filters.eq("_id", postIri), new Document("$set", new Document("announced", true)));
    }

    private static LinkPreview preview(Document d) {
        return new LinkPreview(d.getString("url"), d.getString("title"), d.getString("site"));
    }

    private MongoCollection<Document> previews() {
        return mongo.getDatabase(database).getCollection("link_previews");
    }
}
