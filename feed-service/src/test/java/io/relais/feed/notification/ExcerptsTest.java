package io.relais.feed.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Notification excerpts: plain text of sanitised HTML, one line, at most 140 characters cut on a word. */
class ExcerptsTest {

    @Test
    void markupBecomesItsTextAndEntitiesAreDecoded() {
        assertThat(Excerpts.of("<p>Bravo <a href=\"/people/bob\">@bob</a> &amp; <strong>merci</strong> &lt;3</p><p>Suite</p>"))
                .isEqualTo("Bravo @bob & merci <3 Suite");
    }

    @Test
    void controlAndBidiCharactersAreDropped() {
        assertThat(Excerpts.of("<p>a\u202Eb\u200Bc\u0007d</p>")).isEqualTo("abcd");
    }

    @Test
    void aLongTextIsCutAfterTheLastWholeWordWithAnEllipsis() {
        String excerpt = Excerpts.of("<p>" + "mot ".repeat(60) + "</p>");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(Excerpts.MAX).endsWith("mot…");
    }

    @Test
    void oneVeryLongWordIsCutInside() {
        assertThat(Excerpts.of("https://example.org/" + "x".repeat(300))).hasSize(Excerpts.MAX).endsWith("…");
    }

    @Test
    void blankContentHasNoExcerpt() {
        assertThat(Excerpts.of(null)).isEmpty();
        assertThat(Excerpts.of("<p> </p>")).isEmpty();
    }
}
