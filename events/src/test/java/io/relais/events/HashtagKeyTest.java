package io.relais.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hashtag key of tags whose case mapping is not one letter to one letter. */
class HashtagKeyTest {

    @Test
    void theTurkishDottedCapitalIFoldsToAPlainI() {
        assertThat(HashtagKey.of("#İstanbul")).isEqualTo("istanbul");
        assertThat(HashtagKey.isWellFormed(HashtagKey.of("İstanbul"))).isTrue();
    }

    @Test
    void turkishCapitalsKeepTheirAccentsAndSharpSFoldsToSs() {
        assertThat(HashtagKey.of("ÇAĞ")).isEqualTo("çağ");
        assertThat(HashtagKey.of("Straße")).isEqualTo("strasse").isEqualTo(HashtagKey.of("STRASSE"));
    }

    @Test
    void compatibilityFormsAndDecomposedAccentsGiveTheSameKey() {
        assertThat(HashtagKey.of("ｆｕｌｌ")).isEqualTo("full");
        assertThat(HashtagKey.of("CAFE\u0301")).isEqualTo("café");
        assertThat(HashtagKey.of("ΣΟΦΟΣ")).isEqualTo(HashtagKey.of("σοφοσ")).isEqualTo("σοφος");
    }

    @Test
    void whatIsNoHashtagStaysRefused() {
        assertThat(HashtagKey.isWellFormed(HashtagKey.of("a b"))).isFalse();
        assertThat(HashtagKey.isWellFormed(HashtagKey.of("x/y"))).isFalse();
        assertThat(HashtagKey.isWellFormed(HashtagKey.of("1234"))).isFalse();
        assertThat(HashtagKey.isWellFormed(HashtagKey.of("a".repeat(HashtagKey.MAX_LENGTH + 1)))).isFalse();
    }
}
