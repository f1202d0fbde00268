package io.relais.feed.attachment;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import io.relais.events.EventId;
import io.relais.events.Viewer;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * Uploaded files: checked (size, type from the bytes), stored through {@link AttachmentStore}, and
 * described in {@code attachments} ({@code _id} = attachment id, owner, the posts that use it). A file
 * is readable by its uploader and by whoever may see a post that uses it.
 */
@ApplicationScoped
public class AttachmentService {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    AttachmentStore files;

    @Inject
    PostStore posts;

    @Inject
    InputLimits limits;

    public record Upload(String id, String name, String mediaType, long size, String url) {
    }

    public record Download(String name, FileType type, byte[] bytes) {
    }

    void declareIndexes(@Observes StartupEvent e) {
        collection().createIndex(Indexes.ascending("owner"));
    }

    public Upload upload(String filename, String declaredType, byte[] bytes, String ownerIri) {
        if (bytes.length == 0) throw ProblemException.invalid("file", "must not be empty");
        if (bytes.length > limits.attachmentBytes()) throw tooLarge(limits.attachmentBytes());
        FileType type = FileType.sniff(bytes).orElseThrow(() -> unsupported(
                "must be a PNG, JPEG, GIF, WebP image or a PDF document (checked on its content)"));
        if (declaredType != null && !declaredType.isBlank() && !declaredType.startsWith("application/octet-stream")
                && !declaredType.toLowerCase().startsWith(type.mediaType)) {
            throw unsupported("is declared " + declaredType + " but its content is " + type.mediaType);
        }
        String id = EventId.next();
        String name = safeName(filename);
        files.put(id, name, type.mediaType, bytes);
        collection().insertOne(new Document("_id", id).append("owner", ownerIri).append("name", name)
                .append("mediaType", type.mediaType).append("size", (long) bytes.length).append("posts", List.of())
                .append("created", Date.from(Instant.now())));
        return new Upload(id, name, type.mediaType, bytes.length, url(id));
    }

    /** Attaches the uploader's files to a new post; a foreign or unknown id is a 400 naming it. */
    public List<Post.Attachment> claim(List<String> ids, String ownerIri, String postIri) {
        if (ids.isEmpty()) return List.of();
        Map<String, Document> found = new HashMap<>();
        for (Document d : collection().find(Filters.in("_id", ids))) found.put(d.getString("_id"), d);
        List<Post.Attachment> refs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Document d = found.get(ids.get(i));
            if (d == null || !ownerIri.equals(d.getString("owner"))) {
                throw ProblemException.invalid("attachments[" + i + "]", "must be the id of a file you uploaded");
            }
            refs.add(new Post.Attachment(d.getString("_id"), d.getString("name"), d.getString("mediaType"),
                    d.get("size", Number.class).longValue(), url(d.getString("_id"))));
        }
        collection().updateMany(Filters.in("_id", ids), Updates.addToSet("posts", postIri));
        return refs;
    }

    /** The file if the viewer uploaded it or may see a post using it; 404 otherwise. */
    public Download download(String id, Viewer viewer) {
        Document d = id == null || id.length() > 64 ? null : collection().find(eq("_id", id)).first();
        if (d == null) throw ProblemException.notFound("attachment " + id);
        boolean allowed = viewer.person().equals(d.getString("owner"))
                || posts.findAll(d.getList("posts", String.class, List.of())).values().stream()
                .anyMatch(p -> ThreadAccess.visible(p, viewer));
        if (!allowed) throw ProblemException.notFound("attachment " + id);
        byte[] bytes = files.get(id).orElseThrow(() -> ProblemException.notFound("attachment " + id));
        return new Download(d.getString("name"), FileType.sniff(bytes).orElseThrow(), bytes);
    }

    /**
     * Erasure (issue 15): deletes every file a person uploaded, bytes and description, so their download URLs answer
     * 404. Only the uploader can attach a file ({@link #claim}), so these are exactly the files of their posts (and
     * of uploads never posted). Repeatable. Answers how many files were deleted.
     */
    public int forget(String ownerIri) {
        int deleted = 0;
        for (Document d : collection().find(eq("owner", ownerIri)).projection(new Document("_id", 1))) {
            String id = d.getString("_id");
            files.delete(id);
            collection().deleteOne(eq("_id", id));
            deleted++;
        }
        return deleted;
    }

    /**
     * 413 for a file over {@code feed.limits.attachment-bytes}, naming the form field {@code file} in {@code errors}
     * (docs/SECURITY.md: every 4xx names the field), as the missing and empty file's 400s do.
     */
    static ProblemException tooLarge(long maxBytes) {
        return ProblemException.tooLarge("file", "must be at most " + maxBytes + " bytes");
    }

    /** 415 for content that is not an accepted type (or not the type it is declared as), naming {@code file}. */
    static ProblemException unsupported(String rule) {
        return ProblemException.unsupportedMediaType("file", rule);
    }

    static String url(String id) {
        return "/api/attachments/" + id;
    }

    private static String safeName(String filename) {
        String name = filename == null ? "file" : filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").trim();
        if (name.isEmpty()) name = "file";
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase(database).getCollection("attachments");
    }
}
