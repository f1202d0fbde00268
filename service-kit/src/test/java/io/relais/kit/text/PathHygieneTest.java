package io.relais.kit.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The path and query rewriting, without the application around it. */
class PathHygieneTest {

    @Test
    void aDecomposedAccentInASegmentBecomesTheComposedOne() {
        assertThat(PathHygiene.cleanPath("/api/feed/hashtags/cafe%CC%81")).isEqualTo("/api/feed/hashtags/caf%C3%A9");
    }

    @Test
    void invisibleAndControlCharactersLeaveSegmentsAndQueryValues() {
        assertThat(PathHygiene.cleanPath("/api/communities/te%E2%80%8Bch%00")).isEqualTo("/api/communities/tech");
        assertThat(PathHygiene.cleanQuery("q=a%E2%80%AEb&limit=20")).isEqualTo("q=ab&limit=20");
    }

    @Test
    void cleanPathsAndQueriesAreLeftExactlyAsTheyCame() {
        assertThat(PathHygiene.cleanPath("/api/posts/019a%2Fx")).isEqualTo("/api/posts/019a%2Fx");
        assertThat(PathHygiene.cleanQuery("cursor=abc%3D&limit=5")).isEqualTo("cursor=abc%3D&limit=5");
    }
}
