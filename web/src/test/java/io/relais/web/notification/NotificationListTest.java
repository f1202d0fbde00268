package io.relais.web.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.relais.web.scripted.ScriptedServices;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.relais.web.scripted.ScriptedServices.SERVICES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification list shows the context feed-service's answer carries (excerpt, community name, sender, a card's
 * title in the reader's language) and asks no service for each post or community.
 */
@QuarkusTest
@TestProfile(ScriptedServices.Profile.class)
class NotificationListTest {

    @BeforeEach
    void bobHasTwoNotifications() {
        SERVICES.reset();
        SERVICES.on("GET /api/notifications", 200, """
                {"items":[{"id":"n1","kind":"mention","actor":{"login":"alice","displayName":"Alice Martin"},
                  "object":"urn:relais:comment:c1","post":"urn:relais:post:p1","community":"urn:relais:community:atlas",
                  "communityName":"Projet Atlas","excerpt":"Bravo @bob <b>pour</b> la démo","at":"2026-11-20T09:15:00Z","read":false},
                 {"id":"n2","kind":"business-event","actor":{"login":"crm.salesforce"},"sender":"Salesforce CRM",
                  "object":"urn:relais:external:crm.salesforce:006Q","post":"urn:relais:external:crm.salesforce:006Q",
                  "detail":"deal-won","title":{"en":"Deal won: Acme","fr":"Affaire gagnée : Acme"},
                  "at":"2026-11-20T10:00:00Z","read":true}],"next":null,"unread":1}""");
    }

    @Test
    void theListShowsTheServicesContextWithoutFetchingAnyPostOrCommunity() {
        String html = as("fr").get("/notifications").then().statusCode(200).extract().asString();

        assertThat(html).contains("<strong>Alice Martin</strong>", ">Projet Atlas</a>", "“Bravo @bob &lt;b&gt;pour&lt;/b&gt; la démo”",
                "<strong>Salesforce CRM</strong>", "“Affaire gagnée : Acme”").doesNotContain("crm.salesforce</strong>");
        assertThat(SERVICES.lines()).filteredOn(l -> l.startsWith("GET /api/posts") || l.startsWith("GET /api/communities"))
                .isEmpty();
    }

    @Test
    void aCardsTitleIsInTheReadersLanguage() {
        assertThat(as("en").get("/notifications").asString()).contains("“Deal won: Acme”");
    }

    /**
     * A notification back in my list (notifications-shown-again) is inserted by the page's script from this fragment:
     * the list's own item, with what the script places it by (its id and time), its text escaped, and no page around it.
     */
    @Test
    void oneNotificationRendersAsTheListsItemAlone() {
        SERVICES.on("GET /api/notifications/20414.n3", 200, """
                {"id":"20414.n3","kind":"mention","actor":{"login":"alice","displayName":"Alice Martin"},
                 "object":"urn:relais:comment:c1","post":"urn:relais:post:p1","excerpt":"Voir <script>x()</script> @bob",
                 "at":"2026-11-20T09:15:00Z","read":false}""");

        String html = as("fr").get("/notifications/item/{id}", "20414.n3").then().statusCode(200).extract().asString();

        assertThat(html.strip()).startsWith("<li class=\"notification unread\" id=\"n-20414.n3\"").endsWith("</li>");
        assertThat(html).contains("data-id=\"20414.n3\"", "data-at=\"2026-11-20T09:15:00Z\"", "<strong>Alice Martin</strong>",
                "Voir &lt;script&gt;x()&lt;/script&gt; @bob").doesNotContain("<html", "<script>");
    }

    /** A notification that is not in my list (taken back again meanwhile, someone else's) inserts nothing. */
    @Test
    void aNotificationNoLongerInMyListRendersNothing() {
        SERVICES.on("GET /api/notifications/20414.gone", 404, """
                {"type":"about:blank","title":"Not Found","status":404,"detail":"notification 20414.gone"}""");

        as("fr").get("/notifications/item/{id}", "20414.gone").then().statusCode(204);
    }

    /**
     * An invitation and a join request each say where to act on them, as a mention does: the invitee opens the
     * community's page (Accept / Decline, also for a secret one), the owner or moderator its join requests (Approve /
     * Reject); both links are built from the community the notification names, asking no service.
     */
    @Test
    void anInvitationAJoinRequestAndAnApprovalOpenWhereTheyAreAnswered() {
        SERVICES.on("GET /api/notifications", 200, """
                {"items":[{"id":"n5","kind":"invitation","actor":{"login":"alice","displayName":"Alice Dubois"},
                  "object":"urn:relais:community:qa-secret","community":"urn:relais:community:qa-secret",
                  "communityName":"QA <secret>","at":"2026-11-20T09:15:00Z","read":false},
                 {"id":"n6","kind":"join-request","actor":{"login":"bob","displayName":"Bob Martin"},
                  "object":"urn:relais:community:qa-private","community":"urn:relais:community:qa-private",
                  "communityName":"QA private","at":"2026-11-20T09:10:00Z","read":false},
                 {"id":"n7","kind":"approval","actor":{"login":"carol","displayName":"Carol Lefèvre"},
                  "object":"urn:relais:community:qa-closed","community":"urn:relais:community:qa-closed",
                  "communityName":"QA closed","at":"2026-11-20T09:05:00Z","read":false}],"next":null,"unread":3}""");

        String html = as("en").get("/notifications").then().statusCode(200).extract().asString();

        assertThat(html).contains("QA &lt;secret&gt;</a>",
                " · <a href=\"/communities/qa-secret\" id=\"n-n5-open\" aria-labelledby=\"n-n5-open n-n5-what n-n5-at\">Open</a>",
                " · <a href=\"/communities/qa-private#join-requests\" id=\"n-n6-open\" aria-labelledby=\"n-n6-open n-n6-what n-n6-at\">Open</a>",
                " · <a href=\"/communities/qa-closed\" id=\"n-n7-open\" aria-labelledby=\"n-n7-open n-n7-what n-n7-at\">Open</a>");
        assertThat(SERVICES.lines()).filteredOn(l -> l.startsWith("GET /api/communities")).isEmpty();
    }

    /**
     * feed-service leaves out a community I may not know exists (a secret one I was removed from, an invitation
     * withdrawn: its IRI carries its confidential slug) and voices a moderation notice there by the organisation's
     * moderation: each such notification still reads as a sentence, with a neutral "a community you no longer see",
     * and neither links to a community nor offers to mute one.
     */
    @Test
    void aNotificationAboutACommunityINoLongerSeeNamesNoneAndLinksToNone() {
        SERVICES.on("GET /api/notifications", 200, """
                {"items":[{"id":"n8","kind":"invitation","actor":{"login":"alice","displayName":"Alice Dubois"},
                  "at":"2026-11-20T09:15:00Z","read":false},
                 {"id":"n9","kind":"join-request","actor":{"login":"bob","displayName":"Bob Martin"},
                  "at":"2026-11-20T09:10:00Z","read":false},
                 {"id":"n10","kind":"approval","actor":{"login":"carol","displayName":"Carol Lefèvre"},
                  "at":"2026-11-20T09:05:00Z","read":true},
                 {"id":"n11","kind":"hidden","actor":{"iri":"urn:relais:source:moderation"},"detail":"Hors charte",
                  "object":"urn:relais:post:p2","post":"urn:relais:post:p2","at":"2026-11-20T09:00:00Z","read":true},
                 {"id":"n12","kind":"mention","actor":{"login":"dan","displayName":"Dan Roux"},
                  "object":"urn:relais:post:p3","post":"urn:relais:post:p3","at":"2026-11-20T08:55:00Z","read":true}],
                 "next":null,"unread":2}""");

        String en = as("en").get("/notifications").then().statusCode(200).extract().asString();
        String fr = as("fr").get("/notifications").then().statusCode(200).extract().asString();

        for (String kind : new String[]{"invitation", "join-request", "approval"}) {
            assertThat(item(en, kind)).contains("a community you no longer see").doesNotContain("<a href=\"/communities/");
        }
        assertThat(item(fr, "invitation")).contains("une communauté que vous ne voyez plus");
        assertThat(item(en, "hidden")).contains("Hors charte", "<a href=\"/posts/p2\" id=\"n-n11-open\"");
        assertThat(en).doesNotContain("/communities/", "urn:relais:community", "name=\"kind\" value=\"community\"");
    }

    /**
     * A declined join request (feed-service's {@code join-declined}, told to the requester about a community they may
     * know exists) reads as a sentence in the reader's language naming the community, not as the raw kind.
     */
    @Test
    void aDeclinedJoinRequestReadsAsASentenceInTheReadersLanguage() {
        SERVICES.on("GET /api/notifications", 200, """
                {"items":[{"id":"n13","kind":"join-declined","actor":{"login":"carol","displayName":"Carol Lefèvre"},
                  "object":"urn:relais:community:qa-closed","community":"urn:relais:community:qa-closed",
                  "communityName":"QA <closed>","at":"2026-11-20T09:05:00Z","read":false}],"next":null,"unread":1}""");

        String en = item(as("en").get("/notifications").then().statusCode(200).extract().asString(), "join-declined");
        String fr = item(as("fr").get("/notifications").then().statusCode(200).extract().asString(), "join-declined");

        assertThat(en).contains("<strong>Carol Lefèvre</strong>", "declined your membership request",
                "<a href=\"/communities/qa-closed\">QA &lt;closed&gt;</a>").doesNotContain("<closed>");
        assertThat(fr).contains("a refusé votre demande d&#39;adhésion", "<a href=\"/communities/qa-closed\">QA &lt;closed&gt;</a>");
    }

    /**
     * feed-service says a notification is about something I may no longer open ({@code available: false}: a post in
     * a community I left): the item says "no longer available" and neither links to the post (its page would answer
     * 404) nor offers to mute its thread (feed-service would refuse); marking it read still works.
     */
    @Test
    void aNotificationAboutWhatICanNoLongerOpenSaysSoAndLinksNowhere() {
        SERVICES.on("GET /api/notifications", 200, """
                {"items":[{"id":"20414.n13","kind":"mention","actor":{"login":"dan","displayName":"Dan Roux"},
                  "object":"urn:relais:post:p4","post":"urn:relais:post:p4","community":"urn:relais:community:atlas",
                  "communityName":"Projet Atlas","at":"2026-11-20T08:55:00Z","read":false,"available":false},
                 {"id":"20414.n14","kind":"reply","actor":{"login":"eve","displayName":"Eve Blanc"},
                  "object":"urn:relais:comment:c5","post":"urn:relais:post:p5","at":"2026-11-20T08:50:00Z","read":true,
                  "available":true}],"next":null,"unread":1}""");

        String en = as("en").get("/notifications").then().statusCode(200).extract().asString();
        String fr = as("fr").get("/notifications").then().statusCode(200).extract().asString();

        assertThat(item(en, "mention")).contains("No longer available", "name=\"id\" value=\"20414.n13\"")
                .doesNotContain("/posts/p4", "value=\"thread\"");
        assertThat(item(fr, "mention")).contains("Plus disponible").doesNotContain("/posts/p4");
        assertThat(item(en, "reply")).contains("<a href=\"/posts/p5\" id=\"n-20414.n14-open\"", "value=\"thread\"")
                .doesNotContain("No longer available");
    }

    /**
     * Every item has its own "Open", "Mark as read" and mute controls; each is named after its notification (its own
     * word, then the item's sentence and time, by {@code aria-labelledby}), so a screen reader's list of links and
     * buttons says which notification each acts on, in the reader's language.
     */
    @Test
    void eachControlIsNamedAfterItsNotification() {
        String en = as("en").get("/notifications").then().statusCode(200).extract().asString();
        String fr = as("fr").get("/notifications").then().statusCode(200).extract().asString();

        String mention = item(en, "mention");
        assertThat(mention).contains("<p id=\"n-n1-what\">", "<time id=\"n-n1-at\"",
                "<a href=\"/posts/p1\" id=\"n-n1-open\" aria-labelledby=\"n-n1-open n-n1-what n-n1-at\">Open</a>",
                "<button id=\"n-n1-read\" class=\"btn link\" type=\"submit\" aria-labelledby=\"n-n1-read n-n1-what n-n1-at\">Mark as read</button>",
                "aria-labelledby=\"n-n1-mute-thread n-n1-what n-n1-at\"", "aria-labelledby=\"n-n1-mute-community n-n1-what n-n1-at\"");
        assertThat(mention.substring(mention.indexOf("<p id=\"n-n1-what\">"))).contains("Alice Martin");
        assertThat(item(en, "business-event")).contains("<p id=\"n-n2-what\">",
                "aria-labelledby=\"n-n2-open n-n2-what n-n2-at\">Open</a>");
        assertThat(item(fr, "mention")).contains("aria-labelledby=\"n-n1-open n-n1-what n-n1-at\">Ouvrir</a>",
                "aria-labelledby=\"n-n1-read n-n1-what n-n1-at\">Marquer comme lu</button>");
    }

    /** The list item of the one notification of that kind. */
    static String item(String html, String kind) {
        int start = html.indexOf("data-kind=\"" + kind + "\"");
        assertThat(start).as("a %s item", kind).isNotNegative();
        return html.substring(start, html.indexOf("</li>", start));
    }

    /** The script puts an item back only where it belongs: the list says whether it is the first page, and if more follow. */
    @Test
    void theListSaysWhichPageItIs() {
        assertThat(as("fr").get("/notifications").asString()).contains("<ul class=\"notifications\" data-first=\"true\">");
        assertThat(as("fr").get("/notifications?cursor=abc").asString()).contains("<ul class=\"notifications\">");
    }

    private static RequestSpecification as(String language) {
        return given().header("X-Test-Login", "bob").header("X-Test-Roles", "employee").header("Accept-Language", language)
                .redirects().follow(false);
    }
}
