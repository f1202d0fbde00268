package io.relais.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.layout.Viewer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post's thread as feed-service answers it: each comment offers what the service says its reader may do
 * ({@code can}, computed by feed-service from the rule it enforces), and long threads.
 */
@QuarkusTest
class CommentThreadTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);
    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", false, false);
    static final Viewer MODERATOR = new Viewer(true, "mod", "urn:relais:person:mod", "Modeste", false, false);

    static final String AUTHOR_MAY = ",\"can\":{\"edit\":true,\"delete\":true,\"moderate\":false}";
    static final String READER_MAY = ",\"can\":{\"edit\":false,\"delete\":false,\"moderate\":false}";
    static final String MODERATOR_MAY = ",\"can\":{\"edit\":false,\"delete\":true,\"moderate\":true}";

    static final String THREAD = """
            {"post":{"id":"urn:relais:post:p1"},
             "comments":[{"id":"urn:relais:comment:c1","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
                          "author":{"login":"alice","displayName":"Alice Martin"},
                          "content":"<p><strong>Bravo</strong> &#64;bob</p>","source":"**Bravo** @bob <script>",
                          "mentions":["urn:relais:person:bob"],"hashtags":[],"reactions":{"insightful":2},
                          "myReaction":"insightful","created":"2026-11-20T09:15:00Z","edited":"2026-11-20T09:20:00Z"CAN}],
             "next":"NTA"}""";

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void theAuthorMayEditHerCommentFromItsMarkdownSourceAndDeleteItAfterConfirming() throws Exception {
        String html = render(ALICE, AUTHOR_MAY, Locale.ENGLISH);

        assertThat(html).contains("hx-post=\"/posts/p1/comments/c1\"",
                "<textarea id=\"edit-comment-c1\" name=\"content\" dir=\"auto\" rows=\"3\" required maxlength=\"5000\" aria-describedby=\"edit-comment-c1-error\">**Bravo** @bob &lt;script&gt;</textarea>",
                "hx-delete=\"/posts/p1/comments/c1\"", "hx-confirm=\"Delete this comment?\"", "<span>edited</span>");
    }

    @Test
    void anotherReaderMayReactAndReplyButNeitherEditNorDelete() throws Exception {
        String html = render(BOB, READER_MAY, Locale.FRENCH);

        assertThat(html).contains("hx-post=\"/posts/p1/comments/c1/react\"", "value=\"celebrate\"", "Instructif")
                .doesNotContain("edit-comment-c1", "hx-delete");
        assertThat(html).containsPattern("value=\"insightful\" aria-pressed=\"true\"[^>]*><span class=\"lbl\">Instructif</span> <span class=\"count\">2</span>");
    }

    @Test
    void aCommunityModeratorIsOfferedDeleteButNotEditWhenTheServiceSaysSo() throws Exception {
        assertThat(render(MODERATOR, MODERATOR_MAY, Locale.ENGLISH)).contains("hx-delete=\"/posts/p1/comments/c1\"")
                .doesNotContain("edit-comment-c1");
    }

    @Test
    void theServicesAnswerWinsOverWhoTheReaderIs() throws Exception {
        assertThat(render(ALICE, READER_MAY, Locale.ENGLISH)).as("the author, but the service says no")
                .doesNotContain("hx-delete", "edit-comment-c1");
    }

    @Test
    void withoutTheServicesAnswerOnlyTheAuthorIsOfferedEditAndDelete() throws Exception {
        assertThat(render(ALICE, "", Locale.ENGLISH)).contains("hx-delete=\"/posts/p1/comments/c1\"", "edit-comment-c1");
        assertThat(render(MODERATOR, "", Locale.ENGLISH)).doesNotContain("hx-delete", "edit-comment-c1");
    }

    @Test
    void aThreadLongerThanOnePageOffersTheNextPageWithTheServicesCursor() throws Exception {
        assertThat(render(BOB, READER_MAY, Locale.ENGLISH)).contains("hx-get=\"/posts/p1/comments?cursor=NTA\"", "Show more comments");
    }

    @Test
    void theCommentBoxSuggestsPeopleAndHashtagsAsTheComposerDoes() throws Exception {
        String html = render(BOB, READER_MAY, Locale.ENGLISH);

        assertThat(html).contains("id=\"comment-on-p1\"", "data-suggest=\"/suggest\"", "aria-controls=\"comment-on-p1-suggestions\"",
                "id=\"comment-on-p1-suggestions\" class=\"suggestions\" role=\"listbox\"",
                "aria-controls=\"reply-c1-suggestions\"");
    }

    @Test
    void theRenderedMarkdownIsShownAndMentionsLink() throws Exception {
        assertThat(render(BOB, READER_MAY, Locale.ENGLISH)).contains("<strong>Bravo</strong> <a class=\"mention\" href=\"/people/bob\">@bob</a>");
    }

    @Test
    void afterPublishingTheThreadSaysSoInTheStatusRegion() throws Exception {
        String html = engine.getTemplate("feed/thread.html").instance().setLocale(Locale.FRENCH)
                .data("me", BOB).data("lang", "fr").data("csrf", "t").data("postRef", "p1").data("thread", json.readTree(THREAD.replace("CAN", READER_MAY)))
                .data("done", "Votre commentaire est publié.").render();

        assertThat(html).contains("<div id=\"flash\" hx-swap-oob=\"innerHTML\"><p class=\"flash-msg ok\">Votre commentaire est publié.</p></div>");
    }

    private String render(Viewer viewer, String can, Locale locale) throws Exception {
        JsonNode thread = json.readTree(THREAD.replace("CAN", can));
        return engine.getTemplate("feed/thread.html").instance().setLocale(locale)
                .data("me", viewer).data("lang", locale.getLanguage()).data("csrf", "t")
                .data("postRef", "p1").data("thread", thread).render();
    }
}
