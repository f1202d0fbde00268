package io.relais.feed.sanitize;

import io.relais.events.HashtagKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text pipeline on the cases of issue 13, without the application around it. */
class TextPipelineTest {

    final TextPipeline pipeline = new TextPipeline();

    @Test
    void mentionsAndHashtagsAreReadAsTheReaderSeesThemButEmailsAreNotMentions() {
        TextTokens t = pipeline.render(
                "<p>Merci @Bob.Martin et @alice, écrivez à support@relais.dev. #Atlas #Été2026 &#35;nope <b>#gras</b></p>").tokens();
        assertThat(t.mentions()).containsExactly("bob.martin", "alice");
        assertThat(t.hashtags()).containsExactly("atlas", "été2026", "nope", "gras");
    }

    @Test
    void aUrlIsOneTokenWithNoHashtagOrMentionInside() {
        TextPipeline.Rendered r = pipeline.render("Voir https://wiki.example/Acme_Inc.#Decision et https://x.example/@bob #vrai");
        assertThat(r.tokens().hashtags()).containsExactly("vrai");
        assertThat(r.tokens().mentions()).isEmpty();
        assertThat(r.tokens().links()).contains("https://wiki.example/Acme_Inc.#Decision");
        assertThat(r.html()).contains("<a href=\"https://wiki.example/Acme_Inc.#Decision\"");
    }

    @Test
    void aUrlInsideHtmlTheAuthorTypedIsStillOneToken() {
        TextTokens t = pipeline.render("<p>Voir https://wiki.example/Acme_Inc.#Decision</p>").tokens();
        assertThat(t.hashtags()).isEmpty();
    }

    @Test
    void aDecomposedAccentMakesTheSameTagAsTheComposedOne() {
        assertThat(pipeline.render("#cafe\u0301 du matin").tokens().hashtags()).containsExactly("café");
        assertThat(pipeline.render("#café du matin").tokens().hashtags()).containsExactly("café");
        assertThat(HashtagKey.of("CAFE\u0301")).isEqualTo("café");
    }

    @Test
    void nothingInCodeOrPreIsAMentionOrATag() {
        TextTokens t = pipeline.render("Run `@bob #notatag` then\n\n```\n@carol #nope\n```\n\n<pre>@dan #no</pre> <code>@eve</code> ok @real #yes").tokens();
        assertThat(t.mentions()).containsExactly("real");
        assertThat(t.hashtags()).containsExactly("yes");
    }

    @Test
    void aLoginWithAnAtSignIsMentionedWholeNeverAsSomeoneElse() {
        assertThat(pipeline.render("Hello @x1@corp.example and @x1+ops.").tokens().mentions())
                .containsExactly("x1@corp.example", "x1+ops");
        assertThat(pipeline.render("Hello @x1.").tokens().mentions()).containsExactly("x1");
    }

    @Test
    void underscoresInsideALoginAreNotEmphasisSoTheMentionIsTheWholeLogin() {
        // "._dupont_." would be emphasis in CommonMark: the mention was read as "jean." and then as "jean"
        TextPipeline.Rendered r = pipeline.render("Bienvenue @jean._dupont_.x et @a._aa_.a !");
        assertThat(r.tokens().mentions()).containsExactly("jean._dupont_.x", "a._aa_.a");
        assertThat(r.html()).contains("jean._dupont_.x", "a._aa_.a").doesNotContain("<em>");
        // emphasis around a mention, and outside logins, is Markdown as before
        TextPipeline.Rendered around = pipeline.render("_@alice_ et *@bob*, voir ._note_.");
        assertThat(around.tokens().mentions()).containsExactly("alice", "bob");
        assertThat(around.html()).contains("<em>&#64;alice</em>", "<em>&#64;bob</em>", "<em>note</em>");
        // an address is still no mention, even with underscores after its @
        assertThat(pipeline.render("écrire à jean@_corp_.example").tokens().mentions()).isEmpty();
    }

    @Test
    void aTooLongHashtagIsReportedNotCut() {
        String tag = "a".repeat(HashtagKey.MAX_LENGTH + 1);
        TextTokens t = pipeline.render("#" + tag).tokens();
        assertThat(t.hashtags()).isEmpty();
        assertThat(t.tooLongHashtags()).containsExactly(tag);
        assertThat(pipeline.render("#" + "a".repeat(HashtagKey.MAX_LENGTH)).tokens().hashtags()).hasSize(1);
    }

    @Test
    void markdownBecomesTheAllowedHtmlAndScriptsStillGo() {
        TextPipeline.Rendered r = pipeline.render("**gras** _it_ et `code`\n\n- un\n- deux\n\n> cité\n\n<script>alert(1)</script>\n\n"
                + "[x](javascript:alert(1)) https://relais.dev/doc");
        assertThat(r.html()).contains("<strong>gras</strong>", "<em>it</em>", "<code>code</code>", "<ul>", "<li>un</li>",
                "<blockquote>", "href=\"https://relais.dev/doc\"", "rel=\"nofollow noopener noreferrer\"");
        assertThat(r.html()).doesNotContain("script", "javascript");
    }

    /**
     * A Markdown link to a scheme the policy refuses ({@code javascript:}, {@code vbscript:}, {@code data:}, however
     * written) becomes its text, as the same link typed as HTML does; it had been stored as {@code <a href="">}, a
     * link that reloads the page (CommonMark emptied the URL before the policy could refuse it). A link with no URL
     * at all is text too.
     */
    @Test
    void aLinkToARefusedSchemeIsItsTextAsTheSameLinkTypedAsHtmlIs() {
        for (String url : List.of("javascript:alert(3)", "JavaScript:alert(3)", " javascript:alert(3) ", "<javascript:alert(3)>",
                "vbscript:msgbox(3)", "VBScript:msgbox(3)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==",
                "java&#09;script:alert(3)", "jav&#x61;script:alert(3)", "&#x6A;avascript:alert(3)", "javascript&colon;alert(3)",
                "%6Aavascript:alert(3)", "", "<>")) {
            String html = pipeline.render("Voir [clickme](" + url + ") !").html();
            assertThat(org.jsoup.Jsoup.parseBodyFragment(html).select("a")).as(url + " → " + html).isEmpty();
            assertThat(html).as(url).isEqualTo("<p>Voir clickme !</p>");
        }
        String typedAsHtml = pipeline.render("Voir <a href=\"javascript:alert(3)\">clickme</a> !").html();
        assertThat(pipeline.render("Voir [clickme](javascript:alert(3)) !").html()).isEqualTo(typedAsHtml);
        assertThat(pipeline.render("[clickme][x]\n\n[x]: vbscript:msgbox(3)").html()).isEqualTo("<p>clickme</p>");
        assertThat(pipeline.render("<javascript:alert(3)>").html()).isEqualTo("<p>javascript:alert(3)</p>");
    }

    @Test
    void linksToHttpHttpsAndMailtoStayLinks() {
        assertThat(pipeline.render("[doc](https://relais.dev/doc?a=1&b=2) [vieux](http://relais.dev) [écrire](mailto:team@relais.dev)")
                .html()).isEqualTo("<p><a href=\"https://relais.dev/doc?a&#61;1&amp;b&#61;2\" rel=\"nofollow noopener noreferrer\">doc</a> "
                + "<a href=\"http://relais.dev\" rel=\"nofollow noopener noreferrer\">vieux</a> "
                + "<a href=\"mailto:team&#64;relais.dev\" rel=\"nofollow noopener noreferrer\">écrire</a></p>");
        assertThat(pipeline.render("<https://relais.dev/x> www.relais.dev").html())
                .contains("<a href=\"https://relais.dev/x\" rel=\"nofollow noopener noreferrer\">https://relais.dev/x</a>",
                        "<a href=\"http://www.relais.dev\" rel=\"nofollow noopener noreferrer\">www.relais.dev</a>");
    }

    @Test
    void theSourceIsKeptExactlyAsTypedOnceClean() {
        String typed = "Bravo 🎉 `x = y * 2` **ok**\n- a\u0000";
        assertThat(pipeline.render(typed).source()).isEqualTo("Bravo 🎉 `x = y * 2` **ok**\n- a");
    }

    @Test
    void aCharacterReferenceToAControlOrBidiCharacterRendersAsNothing() {
        TextPipeline.Rendered r = pipeline.render("a&#x202E;b &#8238;c &#x200B;d &NoBreak;e &#x1;f <p>g&#x2067;h</p> [i](https://x.example \"j&#x202E;k\")");
        assertThat(r.html()).doesNotContain("\u202E", "\u200B", "\u2060", "\u0001", "\u2067");
        assertThat(r.visible()).doesNotContain("\u202E");
    }

    @Test
    void accentsEmojiAndCodeSpansAreKeptAsWritten() {
        String html = pipeline.render("&eacute;t&#xE9; 👩‍💻 `&#x202E;`").html();
        assertThat(org.jsoup.Jsoup.parseBodyFragment(html).text()).isEqualTo("été 👩\u200D💻 &#x202E;");
        assertThat(html).contains("<code>&amp;#x202E;</code>");
    }

    @Test
    void markdownNestedDeeperThanTheLimitIsRefusedBeforeAnythingRecursesThroughIt() throws InterruptedException {
        // 15 lists with their items, a paragraph and its text are 32 levels; one more list is 34
        assertThat(pipeline.render("1. ".repeat(15) + "a").html()).contains("<ol>");
        assertThatThrownBy(() -> pipeline.render("1. ".repeat(16) + "a")).isInstanceOf(TextPipeline.TooDeeplyNested.class)
                .hasMessageContaining("deeper than " + TextPipeline.MAX_NESTING + " levels");
        assertThat(pipeline.render(">".repeat(TextPipeline.MAX_NESTING - 2) + "a").html()).contains("<blockquote>");
        assertThatThrownBy(() -> pipeline.render(">".repeat(TextPipeline.MAX_NESTING - 1) + "a"))
                .isInstanceOf(TextPipeline.TooDeeplyNested.class);
        // the longest texts a post may hold, on a thread with half a request thread's stack: refused, never overflowing
        List<String> deep = List.of("1. ".repeat(3333) + "a", "- ".repeat(5000) + "a", ">".repeat(9999) + "a",
                "> - ".repeat(2500) + "a", "*a ".repeat(3000) + "b" + " c*".repeat(300), "![".repeat(3000) + "a" + "](b)".repeat(1000));
        List<Object> outcomes = new ArrayList<>();
        Thread t = new Thread(null, () -> deep.forEach(text -> {
            try {
                outcomes.add(pipeline.render(text));
            } catch (Throwable e) {
                outcomes.add(e.getClass());
            }
        }), "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertThat(outcomes).containsOnly(TextPipeline.TooDeeplyNested.class).hasSize(deep.size());
    }
}
