package io.relais.feed.post;

import io.relais.feed.notification.Excerpts;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A card's plain-text summary becomes the post's HTML content by escaping, so its reader sees the very same text. */
class CardContentTest {

    static final String CUSTOMER = "Smith & Sons <EMEA> <img src=x onerror=alert(1)> \"Q3\"";

    @Test
    void aSummaryThatLooksLikeMarkupIsEscapedNotParsed() {
        String html = CardProjection.asHtml(CUSTOMER + " signe.");
        assertThat(html).doesNotContain("<img", "<EMEA>").contains("Smith &amp; Sons &lt;EMEA&gt; &lt;img");
        assertThat(Jsoup.parseBodyFragment(html).body().select("img")).isEmpty();
        assertThat(Jsoup.parseBodyFragment(html).body().text()).isEqualTo(CUSTOMER + " signe.");
    }

    @Test
    void anExcerptOfTheContentReadsTheSummaryUnchanged() {
        assertThat(Excerpts.of(CardProjection.asHtml(CUSTOMER))).isEqualTo(CUSTOMER);
    }

    @Test
    void lineBreaksBecomeBreaksAndNoSummaryIsEmptyContent() {
        assertThat(CardProjection.asHtml("a < b\nc")).isEqualTo("a &lt; b<br>c");
        assertThat(CardProjection.asHtml(null)).isEmpty();
    }
}
