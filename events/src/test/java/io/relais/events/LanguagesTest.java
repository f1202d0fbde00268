package io.relais.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule for a profile's languages, as profile-service stores them and the web app offers them. */
class LanguagesTest {

    @ParameterizedTest
    @CsvSource({"FR,fr", "pt-br,pt-BR", "en,en", "zh-Hant-TW,zh-Hant-TW", "de-CH,de-CH"})
    void aTagOfAKnownLanguageIsKeptInItsCanonicalForm(String given, String stored) {
        assertThat(Languages.canonical(given)).isEqualTo(stored);
        assertThat(Languages.canonicalOrNull(" " + given + " ")).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Français", "xx", "en-XY", "xx-invalid-lang", "en_US"})
    void anythingElseIsRefusedWithTheRule(String given) {
        assertThatThrownBy(() -> Languages.canonical(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(Languages.RULE).hasMessageContaining(given);
        assertThat(Languages.canonicalOrNull(given)).isNull();
    }

    @Test
    void nothingIsNoLanguage() {
        assertThat(Languages.canonicalOrNull(null)).isNull();
        assertThat(Languages.canonicalOrNull("  ")).isNull();
    }
}
