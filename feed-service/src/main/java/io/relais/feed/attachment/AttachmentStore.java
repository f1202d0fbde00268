package io.relais.feed.attachment;

import java.util.Optional;

/**
 * Where attachment bytes live. GridFS here; a production deployment can put object storage behind the
 * same three calls (the embedded store reads GridFS chunks with a scan, fine for a demo only).
 */
public interface AttachmentStore {

    void put(String id, String filename, String mediaType, byte[] bytes);

    Optional<byte[]> get(String id);

    /** Deletes the bytes; an unknown id is no error (a repeated erasure). */
    void delete(String id);
}
