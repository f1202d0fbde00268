package io.relais.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.layout.Viewer;
import io.relais.web.notification.NotificationsPage;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications and their settings as a reader sees them: with context, names instead of ids, and mutes that can be undone. */
@QuarkusTest
class NotificationContextTest {

    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", false, false);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void aMentionShowsWhoWhereAndAnEscapedExcerpt() throws Exception {
        String html = list("""
                {"id":"n1","kind":"mention","actor":{"login":"alice","displayName":"Alice Martin"},
                 "object":"urn:relais:comment:c1","post":"urn:relais:post:p1","community":"urn:relais:community:atlas",
                 "communityName":"Projet Atlas","excerpt":"Bravo @bob <img src=x onerror=alert(1)>","at":"2026-11-20T09:15:00Z","read":false}""",
                Locale.FRENCH);

        assertThat(html).contains("<strong>Alice Martin</strong>", "vous a mentionné", "dans <a href=\"/communities/atlas\">Projet Atlas</a>",
                "“Bravo @bob &lt;img src=x onerror=alert(1)&gt;”");
        assertThat(html).doesNotContain("<img src=x");
    }

    @Test
    void aBusinessEventIsSentByItsSystemsDisplayNameNotItsTechnicalId() throws Exception {
        String html = list("""
                {"id":"n2","kind":"business-event","actor":{"login":"crm.salesforce"},"sender":"Salesforce",
                 "object":"urn:relais:event:e1","post":"urn:relais:event:e1","detail":"opportunity.won",
                 "excerpt":"Deal won: ACME","at":"2026-11-20T09:15:00Z","read":true}""", Locale.ENGLISH);

        assertThat(html).contains("<strong>Salesforce</strong>", "“Deal won: ACME”").doesNotContain("crm.salesforce");
    }

    @Test
    void aJoinRequestNamesTheCommunityByItsName() throws Exception {
        String html = list("""
                {"id":"n3","kind":"join-request","actor":{"login":"carol","displayName":"Carol"},
                 "community":"urn:relais:community:atlas","communityName":"Projet Atlas","at":"2026-11-20T09:15:00Z","read":false}""",
                Locale.ENGLISH);

        assertThat(html).contains(">Projet Atlas</a>").doesNotContain(">atlas</a>");
    }

    @Test
    void theSettingsListMyMutesByNameWithNotifyMeAgain() {
        String html = settings(List.of(new NotificationsPage.Muted("community", "atlas", "Projet Atlas"),
                new NotificationsPage.Muted("thread", "p1", "Release <b>notes</b>"),
                new NotificationsPage.Muted("thread", "p2", null)), Locale.ENGLISH);

        assertThat(html).contains("Community: <a href=\"/communities/atlas\">Projet Atlas</a>",
                "<a href=\"/posts/p1\">“Release &lt;b&gt;notes&lt;/b&gt;”</a>", "a conversation you can no longer see",
                "action=\"/notifications/unmute\"", "name=\"id\" value=\"p2\"", "Notify me again", "name=\"_csrf\" value=\"t\"");
    }

    @Test
    void withoutMutesTheSettingsSaySo() {
        assertThat(settings(List.of(), Locale.FRENCH)).contains("id=\"no-mutes\"", "Vous n&#39;avez rien ignoré");
    }

    private String list(String item, Locale locale) throws Exception {
        return engine.getTemplate("notification/list.html").instance().setLocale(locale)
                .data("me", BOB).data("lang", locale.getLanguage()).data("nav", "notifications").data("csrf", "t")
                .data("page", json.readTree("{\"items\":[" + item + "],\"unread\":1}")).render();
    }

    private String settings(List<NotificationsPage.Muted> muted, Locale locale) {
        return engine.getTemplate("notification/settings.html").instance().setLocale(locale)
                .data("me", BOB).data("lang", locale.getLanguage()).data("nav", "notifications").data("csrf", "t")
                .data("muted", muted).data("unmuted", false).render();
    }
}
