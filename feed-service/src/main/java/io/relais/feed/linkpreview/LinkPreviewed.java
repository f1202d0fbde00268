package io.relais.feed.linkpreview;

/**
 * Fired (CDI) when a post's preview was stored, changed or removed ({@code preview} null): the post feature announces
 * it as an Update of the post, so search-service and other readers follow.
 */
public record LinkPreviewed(String postIri, LinkPreview preview) {
}
