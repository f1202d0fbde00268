package io.relais.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The path and query rewriting, without the application around it. */
class UriHygieneTest {

    @Test
    void aDecomposedAccentInASegmentBecomesTheComposedOne() {
        assertThat(UriHygiene.cleanPath("/api/feed/hashtags/cafe%CC%81")).isEqualTo("/api/feed/hashtags/caf%C3%A9");
    }

    @Test
    void invisibleAndControlCharactersLeaveSegmentsAndQueryValues() {
        assertThat(UriHygiene.cleanPath("/api/communities/te%E2%80%8Bch%00")).isEqualTo("/api/communities/tech");
        assertThat(UriHygiene.cleanQuery("q=a%E2%80%AEb&limit=20")).isEqualTo("q=ab&limit=20");
    }

    @Test
    void cleanPathsAndQueriesAreLeftExactlyAsTheyCame() {
        assertThat(UriHygiene.cleanPath("/api/posts/019a%2Fx")).isEqualTo("/api/posts/019a%2Fx");
        assertThat(UriHygiene.cleanQuery("cursor=abc%3D&limit=5")).isEqualTo("cursor=abc%3D&limit=5");
    }

    @Test
    void aRequestAddressIsRewrittenOnlyWhenSomethingWasUnclean() {
        java.net.URI dirty = java.net.URI.create("http://localhost:8080/people?skill=Ka%E2%80%AEfka&q=x");
        assertThat(UriHygiene.clean(dirty)).hasToString("http://localhost:8080/people?skill=Kafka&q=x");
        java.net.URI clean = java.net.URI.create("http://localhost:8080/search?q=caf%C3%A9");
        assertThat(UriHygiene.clean(clean)).isSameAs(clean);
    }
}
