package io.relais.profile.photo;

import com.mongodb.MongoGridFSException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** Photos in the GridFS bucket {@code photos} of the service's database. */
@ApplicationScoped
public class GridFsPhotoStore implements PhotoStore {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Override
    public String store(String owner, String contentType, byte[] bytes) {
        GridFSUploadOptions options = new GridFSUploadOptions()
                .metadata(new Document("owner", owner).append("contentType", contentType));
        return bucket().uploadFromStream(owner, new ByteArrayInputStream(bytes), options).toHexString();
    }

    @Override
    public Optional<StoredPhoto> load(String id) {
        if (!ObjectId.isValid(id)) return Optional.empty();
        ObjectId oid = new ObjectId(id);
        GridFSFile file = bucket().find(Filters.eq("_id", oid)).first();
        if (file == null) return Optional.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) file.getLength());
        try {
            bucket().downloadToStream(oid, out);
        } catch (MongoGridFSException e) {
            return Optional.empty();
        }
        String type = file.getMetadata() == null ? "application/octet-stream" : file.getMetadata().getString("contentType");
        return Optional.of(new StoredPhoto(id, type, out.toByteArray()));
    }

    @Override
    public void delete(String id) {
        if (!ObjectId.isValid(id)) return;
        try {
            bucket().delete(new ObjectId(id));
        } catch (MongoGridFSException e) {
            // already gone: deleting twice is fine
        }
    }

    @Override
    public int deleteAllOf(String owner) {
        // a read of the files collection by owner: a scan on the embedded store, for a rare erasure
        java.util.List<ObjectId> ids = new java.util.ArrayList<>();
        bucket().find(Filters.eq("metadata.owner", owner)).forEach(f -> ids.add(f.getObjectId()));
        ids.forEach(id -> delete(id.toHexString()));
        return ids.size();
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(mongo.getDatabase(database), "photos");
    }
}
