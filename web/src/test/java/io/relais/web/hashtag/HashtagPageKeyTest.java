package io.relais.web.hashtag;

import io.relais.events.HashtagKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hashtag page asks feed-service for the key feed-service stored (finding F5: one rule, in events). */
class HashtagPageKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"İstanbul", "#İSTANBUL", "istanbul"})
    void theDottedCapitalIPageIsTheIstanbulHashtag(String typed) {
        assertThat(HashtagPage.key(typed)).isEqualTo("istanbul");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ÇAĞ", "Straße", "Été_2026", "ｆｕｌｌ"})
    void thePageKeyIsTheSharedKey(String typed) {
        assertThat(HashtagPage.key(typed)).isEqualTo(HashtagKey.of(typed));
    }
}
