package io.relais.events;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Property-based checks of the hashtag key over generated tags in many scripts and cases. */
class HashtagKeyProperties {

    /** What a reader would call a hashtag: a letter, then letters, digits or {@code _}. */
    private static final Pattern TAG = Pattern.compile("\\p{L}[\\p{L}\\p{N}_]*");

    @Provide
    Arbitrary<String> tags() {
        Arbitrary<Character> first = Arbitraries.of('a', 'Z', 'é', 'É', 'ç', 'Ç', 'ü', 'ß', 'İ', 'I', 'ı', 'Ğ', 'ж', 'Ж',
                'λ', 'Σ', 'ς', '中', 'ǅ', 'ﬁ', 'Ａ');
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcxyzABCIİıŞşĞğ019_éèàçôüñßжЖλΣσς中ﬁａ")
                .ofMaxLength(30);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Property(tries = 500)
    void theKeyOfATagIsNeverEmptyAndWellFormed(@ForAll("tags") String tag) {
        Matcher m = TAG.matcher(tag);
        assertThat(m.matches()).isTrue();
        String key = HashtagKey.of(tag);
        assertThat(key).isNotEmpty();
        assertThat(HashtagKey.isWellFormed(key)).isTrue();
    }

    @Property(tries = 500)
    void theKeyIsIdempotent(@ForAll("tags") String tag) {
        String key = HashtagKey.of(tag);
        assertThat(HashtagKey.of(key)).isEqualTo(key);
        assertThat(HashtagKey.of("#" + key)).isEqualTo(key);
    }

    @Property(tries = 300)
    void caseAndNormalFormDoNotChangeTheKey(@ForAll("tags") String tag) {
        String key = HashtagKey.of(tag);
        assertThat(HashtagKey.of(tag.toUpperCase(java.util.Locale.ROOT).replace('\u0130', 'I'))).isEqualTo(key);
        assertThat(HashtagKey.of(java.text.Normalizer.normalize(tag, java.text.Normalizer.Form.NFD))).isEqualTo(key);
    }

    @Property(tries = 300)
    void everyKeyNamesAHashtagIri(@ForAll("tags") String tag) {
        String key = HashtagKey.of(tag);
        assertThat(Iri.localId(Iri.hashtag(key))).isEqualTo(key);
    }
}
