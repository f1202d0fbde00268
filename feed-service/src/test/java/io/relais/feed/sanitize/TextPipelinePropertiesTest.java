package io.relais.feed.sanitize;

import io.relais.events.HashtagKey;
import io.relais.events.Iri;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the text pipeline over generated text (jqwik): tokens never come from URLs or code, every
 * legal login and tag round-trips, and a tag's key is the term search-service indexes for it.
 */
class TextPipelinePropertiesTest {

    final TextPipeline pipeline = new TextPipeline();

    @Property(tries = 300)
    void noTokenIsFoundInsideAUrlOrCode(@ForAll("prose") String prose, @ForAll("urls") String url,
                                        @ForAll("tags") String tag, @ForAll("logins") String login) {
        String codeSpan = "`@" + login + " #" + tag + "`";
        String block = "\n\n```\n@" + login + " #" + tag + "\n```\n\n";
        String text = prose + " " + url + "/#" + tag + "/@" + login + " " + codeSpan + block + prose;
        TextTokens t = pipeline.render(text).tokens();
        assertThat(t.mentions()).doesNotContain(login.toLowerCase(Locale.ROOT));
        assertThat(t.hashtags()).doesNotContain(HashtagKey.of(tag));
    }

    @Property(tries = 300)
    void everyLegalLoginIsMentionedAsItself(@ForAll("logins") String login, @ForAll("prose") String before) {
        TextTokens t = pipeline.render(before + " @" + login + ", merci").tokens();
        assertThat(t.mentions()).containsExactly(login.toLowerCase(Locale.ROOT));
    }

    @Property(tries = 300)
    void everyLegalTagRoundTripsInEitherNormalForm(@ForAll("tags") String tag, @ForAll boolean decomposed,
                                                   @ForAll("prose") String before) {
        String typed = decomposed ? Normalizer.normalize(tag, Normalizer.Form.NFD) : tag;
        TextTokens t = pipeline.render(before + " #" + typed + " !").tokens();
        assertThat(t.hashtags()).containsExactly(HashtagKey.of(tag));
        assertThat(t.links()).isEmpty();
    }

    @Property(tries = 300)
    void aTagKeyIsTheTermSearchIndexesForIt(@ForAll("tags") String tag) {
        String key = HashtagKey.of(tag);
        // search-service's Projection indexes Iri.localId(hashtag IRI).toLowerCase(Locale.ROOT) as a keyword,
        // and QueryText turns "#tag" into that same lower-cased term
        String indexed = Iri.localId(Iri.hashtag(key)).toLowerCase(Locale.ROOT);
        assertThat(indexed).isEqualTo(key);
        assertThat(HashtagKey.of(key)).isEqualTo(key);
        assertThat(HashtagKey.of(Normalizer.normalize(tag.toUpperCase(Locale.ROOT), Normalizer.Form.NFD)))
                .isEqualTo(HashtagKey.of(tag.toUpperCase(Locale.ROOT)));
    }

    @Property(tries = 200)
    void legalMarkupRoundTrips(@ForAll("words") String word) {
        for (String html : List.of("<p><strong>" + word + "</strong></p>", "<p><em>" + word + "</em></p>",
                "<p><code>" + word + "</code></p>", "<blockquote><p>" + word + "</p></blockquote>",
                "<ul><li>" + word + "</li></ul>", "<ol><li>" + word + "</li></ol>", "<pre>" + word + "</pre>",
                "<h3>" + word + "</h3>", "<p>" + word + "<br />" + word + "</p>")) {
            assertThat(new ContentSanitizer().sanitize(html)).isEqualTo(html);
            assertThat(pipeline.render(html).html()).isEqualTo(html);
        }
    }

    @Provide
    Arbitrary<String> logins() {
        Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('0', '9');
        Arbitrary<String> middle = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._-").ofMaxLength(30);
        return Combinators.combine(edge, middle, edge).as((a, m, z) -> a + m + z)
                .filter(l -> !l.contains("..")) .map(l -> l);
    }

    @Provide
    Arbitrary<String> tags() {
        Arbitrary<Character> first = Arbitraries.of('a', 'Z', 'é', 'É', 'ç', 'ü', 'ß', 'ж', 'λ', '中');
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcxyzABC019_éèàçôüñжλ中").ofMaxLength(HashtagKey.MAX_LENGTH - 2); // ß first folds to ss
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzéèçàABC0123456789").ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> prose() {
        return words().list().ofMaxSize(6).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "www.");
        return Combinators.combine(scheme, words(), words()).as((s, host, path) -> s + host + ".example/" + path);
    }
}
