package io.relais.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.layout.Viewer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Announcements: shown as such (not as "Pinned"), dismissable by everyone, published by community managers. */
@QuarkusTest
class AnnouncementCardTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);
    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", true, false);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void anAnnouncementIsLabelledAnnouncementAndAnyReaderMayDismissIt() throws Exception {
        String html = card("""
                {"id":"urn:relais:post:a1","kind":"announcement","pinned":true,"author":{"login":"bob","displayName":"Bob Durand"},
                 "content":"<p>Office closed Friday</p>","reactions":{},"created":"2026-11-20T09:00:00Z"}""", Locale.FRENCH);

        assertThat(html).contains("<span class=\"chip pin announcement\">Annonce</span>", "hx-post=\"/posts/a1/dismiss\"",
                "Masquer cette annonce").doesNotContain("Épinglé");
    }

    @Test
    void aCommunityPinIsStillPinnedAndNotDismissable() throws Exception {
        String html = card("""
                {"id":"urn:relais:post:p1","kind":"post","pinned":true,"author":{"login":"bob","displayName":"Bob Durand"},
                 "content":"<p>Rules</p>","reactions":{},"created":"2026-11-20T09:00:00Z"}""", Locale.ENGLISH);

        assertThat(html).contains("<span class=\"chip pin\">Pinned</span>").doesNotContain("/dismiss", "Announcement");
    }

    @Test
    void onlyCommunityManagersAreOfferedToPublishAnAnnouncement() {
        assertThat(composer(BOB)).contains("<option value=\"announcement\">Announcement to the whole organisation</option>");
        assertThat(composer(ALICE)).doesNotContain("value=\"announcement\"");
    }

    private String card(String post, Locale locale) throws Exception {
        return engine.getTemplate("feed/card.html").instance().setLocale(locale)
                .data("post", json.readTree(post)).data("item", null).data("me", ALICE).data("lang", locale.getLanguage()).render();
    }

    private String composer(Viewer viewer) {
        return engine.getTemplate("feed/composer.html").instance().setLocale(Locale.ENGLISH)
                .data("me", viewer).data("lang", "en").data("csrf", "t").data("audiences", List.of()).data("preselect", null).render();
    }
}
