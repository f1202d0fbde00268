package io.relais.feed.community;

/**
 * What has been published in a community, as far as its settings need to know. Implemented by the thread layer
 * ({@code thread.PostStore}), which sits above this package: communities ask, posts answer.
 */
public interface PublishedContent {

    /**
     * Whether any post or business card was ever written to this community, deleted ones included (they were
     * read while they stood). One read of at most one document, by {@code community} (an index on a real MongoDB).
     *
     * @param communityIri {@code urn:relais:community:<slug>}
     */
    boolean anyIn(String communityIri);
}
