package io.relais.feed.community;

/**
 * What has been published in a community, as far as its settings need to know. Implemented by the thread layer
 * ({@code thread.PostStore}), which sits above this package: communities ask, posts answer.
 */
public interface PublishedContent {

    /**
     * Whether any post or business card of this community was ever addressed to the whole organisation ({@code to} or
     * {@code cc} holds {@code urn:relais:audience:organisation}, as a public community's posts are), deleted ones
     * included (they were read while they stood). Posts written while the community was private or secret went to its
     * members only and do not count. One read of at most one document, filtered by {@code community} (an index on a
     * real MongoDB; a scan on the embedded store, for a rare settings change).
     *
     * @param communityIri {@code urn:relais:community:<slug>}
     */
    boolean anyToTheOrganisationIn(String communityIri);
}
