package io.relais.profile.governance;

import java.time.Instant;

/**
 * What an administrator's erasure request did in profile-service, kept as the status resource
 * ({@code GET /api/erasures/{id}}, admins only). It names the erased person by IRI and nothing else of them: an
 * organisation must be able to show that an erasure it was asked for was carried out.
 *
 * @param id                   the request's id (UUID)
 * @param person               the erased person's IRI
 * @param requestedBy          the administrator's person IRI
 * @param requestedAt          when it was asked and applied here
 * @param reportsUnlinked      how many people had the erased person as manager, or awaited them as one (they keep a
 *                             manager-less profile)
 * @param endorsementsRemoved  endorsements given or received by the erased person, removed
 * @param state                {@code published}: profile-service erased its data and the Delete of the person is in
 *                             its outbox, from where every other service applies it asynchronously; {@code erased}:
 *                             the profile was pending (only HR moves or leaves had started it, never shown nor
 *                             published), profile-service erased its data and had no one to tell
 */
public record ErasureRecord(String id, String person, String requestedBy, Instant requestedAt, int reportsUnlinked,
                            long endorsementsRemoved, String state) {

    public static final String PUBLISHED = "published";
    public static final String ERASED = "erased";
}
