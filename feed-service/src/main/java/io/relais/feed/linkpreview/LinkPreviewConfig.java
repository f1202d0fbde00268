package io.relais.feed.linkpreview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;
import java.util.Set;

/** The link-preview fetcher's limits ({@code feed.link-preview.*}). */
@ConfigMapping(prefix = "feed.link-preview")
public interface LinkPreviewConfig {

    /** Connecting to the page's server, in milliseconds. */
    @WithDefault("2000")
    int connectTimeoutMillis();

    /** The whole fetch, redirects included, in milliseconds. */
    @WithDefault("3000")
    int totalTimeoutMillis();

    /** Bytes of the page read at most; the rest is never read. */
    @WithDefault("262144")
    int maxBytes();

    /** Redirects followed at most, each to an address checked again. */
    @WithDefault("3")
    int maxRedirects();

    /** Characters of a title at most. */
    @WithDefault("200")
    int maxTitleLength();

    /**
     * {@code address:port} endpoints allowed although not public ({@code 127.0.0.1:18099}, {@code [::1]:18099}):
     * ONLY for a test profile or the local e2e stack's page server. Unset in production, where only public
     * addresses are fetched.
     */
    Optional<Set<String>> allowedEndpoints();
}
