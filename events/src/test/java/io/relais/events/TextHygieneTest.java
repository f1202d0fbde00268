package io.relais.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextHygieneTest {

    @Test
    void aDecomposedAccentBecomesTheComposedCharacter() {
        assertThat(TextHygiene.line("cafe\u0301")).isEqualTo("café").hasSize(4);
    }

    @Test
    void nulAndOtherControlCharactersAreRemovedFromANameButLineBreaksStayInABody() {
        assertThat(TextHygiene.line("Sales\u0000 Team\u0007\n")).isEqualTo("Sales Team");
        assertThat(TextHygiene.text("line one\r\nline\u0000 two\ttab\u0085")).isEqualTo("line one\nline two\ttab");
    }

    @Test
    void bidiOverridesAndZeroWidthSpacesCannotDisguiseAName() {
        assertThat(TextHygiene.line("ali\u202Eecilоb\u202C")).isEqualTo("aliecilоb");
        assertThat(TextHygiene.line("ad\u200Bmin\u2066\u2069\uFEFF")).isEqualTo("admin");
    }

    @Test
    void emojiSequencesAndJoinersThatScriptsNeedAreKept() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertThat(TextHygiene.text("Team " + family)).isEqualTo("Team " + family);
        assertThat(TextHygiene.line("می\u200Cخواهم")).contains("\u200C");
    }

    @Test
    void anUnpairedSurrogateIsDropped() {
        assertThat(TextHygiene.line("a\uD800b\uDC00c")).isEqualTo("abc");
    }

    @Test
    void cleanTextIsRecognisedAsSuch() {
        assertThat(TextHygiene.isCleanLine("Zoé Martin")).isTrue();
        assertThat(TextHygiene.isCleanLine("Zoé\u0000")).isFalse();
        assertThat(TextHygiene.line(null)).isNull();
    }
}
