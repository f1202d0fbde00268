package io.relais.feed.attachment;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.BsonString;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** Attachment bytes in MongoDB GridFS (bucket {@code attachments}), file id = attachment id. */
@ApplicationScoped
public class GridFsAttachmentStore implements AttachmentStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Override
    public void put(String id, String filename, String mediaType, byte[] bytes) {
        bucket().uploadFromStream(new BsonString(id), filename, new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().chunkSizeBytes(255 * 1024).metadata(new Document("mediaType", mediaType)));
    }

    @Override
    public Optional<byte[]> get(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            bucket().downloadToStream(new BsonString(id), out);
            return Optional.of(out.toByteArray());
        } catch (MongoGridFSException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String id) {
        try {
            bucket().delete(new BsonString(id));
        } catch (MongoGridFSException e) {
            // already gone
        }
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(mongo.getDatabase(database), "attachments");
    }
}
