package io.relais.profile.photo;

import java.util.Optional;

/**
 * Where profile photos live. GridFS here; a production deployment can put object storage behind the
 * same operations (reading GridFS chunks is a scan on the embedded store).
 */
public interface PhotoStore {

    record StoredPhoto(String id, String contentType, byte[] bytes) {
    }

    /** Stores already-checked bytes and returns their id. */
    String store(String owner, String contentType, byte[] bytes);

    Optional<StoredPhoto> load(String id);

    void delete(String id);

    /**
     * Deletes every photo stored for {@code owner} (the login given to {@link #store}), also those no profile names any
     * more (an upload whose profile write did not happen): an erasure takes them all. Repeatable.
     *
     * @return how many were deleted
     */
    int deleteAllOf(String owner);
}
