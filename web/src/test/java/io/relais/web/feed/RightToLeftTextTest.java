package io.relais.web.feed;

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
 * What people and partner systems write takes its direction from its own text ({@code dir="auto"}): an Arabic or
 * Hebrew paragraph reads right to left inside the English page, and the boxes where one writes follow what is typed.
 */
@QuarkusTest
class RightToLeftTextTest {

    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", false, false);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void aPostsTextItsAuthorAndItsLinkPreviewTakeTheirOwnDirection() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p1","kind":"post","author":{"login":"amal","displayName":"أمل"},
                 "content":"<p>مرحبا بالجميع</p>","reactions":{},"created":"2026-11-20T09:00:00Z",
                 "preview":{"url":"https://news.example/he","title":"שלום עולם","site":"news.example"}}""");

        String html = engine.getTemplate("feed/card.html").instance().setLocale(Locale.ENGLISH)
                .data("post", post).data("me", BOB).data("lang", "en").render();

        assertThat(html).contains("<div class=\"content\" hx-disable dir=\"auto\"><p>مرحبا بالجميع</p></div>",
                "class=\"author\" dir=\"auto\">", "<span class=\"link-preview-title\" dir=\"auto\">שלום עולם</span>");
    }

    @Test
    void aBusinessCardsTextTakesItsOwnDirection() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:card:k1","kind":"card","card":{"system":"crm","systemName":"CRM","title":"עסקה חדשה"},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String html = engine.getTemplate("feed/card.html").instance().setLocale(Locale.ENGLISH)
                .data("post", post).data("me", BOB).data("lang", "en").render();

        assertThat(html).contains("<div class=\"card-body\" hx-disable dir=\"auto\">");
    }

    @Test
    void aCommentsTextItsAuthorAndTheBoxesToWriteInTakeTheirOwnDirection() throws Exception {
        JsonNode thread = json.readTree("""
                {"post":{"id":"urn:relais:post:p1"},
                 "comments":[{"id":"urn:relais:comment:c1","post":"urn:relais:post:p1","inReplyTo":"urn:relais:post:p1",
                              "author":{"login":"amal","displayName":"أمل"},"content":"<p>شكرا</p>","created":"2026-11-20T09:15:00Z"}]}""");

        String html = engine.getTemplate("feed/thread.html").instance().setLocale(Locale.ENGLISH)
                .data("me", BOB).data("lang", "en").data("csrf", "t").data("postRef", "p1").data("thread", thread).render();

        assertThat(html).contains("<div class=\"content\" hx-disable dir=\"auto\"><p>شكرا</p></div>",
                "<a href=\"/people/amal\" dir=\"auto\">أمل</a>",
                "<input id=\"comment-on-p1\" name=\"content\" dir=\"auto\"", "<input id=\"reply-c1\" name=\"content\" dir=\"auto\"");
    }
}
