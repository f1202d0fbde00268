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

/** Post and business-event cards, rendered from feed-service answers as they arrive over the wire. */
@QuarkusTest
class CardRenderingTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);
    static final Viewer BOB = new Viewer(true, "bob", "urn:relais:person:bob", "Bob Durand", true, false);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void aPostShowsItsAuthorSanitisedContentAndMyReaction() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:0193-abc","type":"Note","kind":"post",
                 "author":{"iri":"urn:relais:person:alice","login":"alice","displayName":"Alice Martin","title":"Data engineer"},
                 "content":"<p>Merci &#64;bob !</p>","mentions":["urn:relais:person:bob"],
                 "community":{"iri":"urn:relais:community:atlas","slug":"atlas","name":"Projet Atlas"},
                 "reactions":{"like":2,"celebrate":1},"myReaction":"celebrate","commentCount":3,
                 "attachments":[{"id":"f1","name":"plan.pdf","mediaType":"application/pdf","size":10,"url":"/api/attachments/f1"}],
                 "created":"2026-11-20T09:00:00Z"}""");

        String html = render(post, ALICE, Locale.ENGLISH);

        assertThat(html).contains("id=\"post-0193-abc\"", "Alice Martin", "Data engineer",
                "<a class=\"mention\" href=\"/people/bob\">@bob</a>", "href=\"/communities/atlas\"", "Projet Atlas",
                "href=\"/attachments/f1\"", "plan.pdf");
        assertThat(html).containsPattern("value=\"celebrate\" aria-pressed=\"true\"")
                .containsPattern("value=\"like\" aria-pressed=\"false\"");
        assertThat(html).as("the author may edit and delete").contains("hx-delete=\"/posts/0193-abc\"");
    }

    @Test
    void mentionsAndHashtagsThatFeedServiceExtractedBecomeLinks() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p4","kind":"post","author":{"login":"alice","displayName":"Alice"},
                 "content":"<p>Merci &#64;bob et @carol ! #atlas <a href=\\"https://x.example/@bob\\">lien</a></p>",
                 "mentions":["urn:relais:person:bob"],"hashtags":["atlas"],"reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String html = render(post, ALICE, Locale.FRENCH);

        assertThat(html).contains("<a class=\"mention\" href=\"/people/bob\">@bob</a>",
                "<a class=\"hashtag\" href=\"/hashtags/atlas\">#atlas</a>", "@carol",
                "<a href=\"https://x.example/@bob\">lien</a>");
        assertThat(html).doesNotContain("/people/carol");
    }

    @Test
    void onlyTheAuthorIsOfferedEditAndDelete() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p2","kind":"post","author":{"login":"alice","displayName":"Alice"},
                 "content":"<p>x</p>","reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        assertThat(render(post, BOB, Locale.ENGLISH)).doesNotContain("hx-delete", "/edit\"");
    }

    @Test
    void aLinkPreviewIsPlainTextInACardWhoseLinkNeitherPassesReferrerNorEndorses() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p5","kind":"post","author":{"login":"alice","displayName":"Alice"},
                 "content":"<p>See https://news.example/q3</p>","reactions":{},"created":"2026-11-20T09:00:00Z",
                 "preview":{"url":"https://news.example/q3","title":"Q3 <script>alert(1)</script> results","site":"news.example"}}""");

        String html = render(post, BOB, Locale.FRENCH);

        assertThat(html).contains("<aside class=\"link-preview\" hx-disable aria-label=\"Aperçu du lien\">",
                "<a href=\"https://news.example/q3\" rel=\"nofollow noopener noreferrer\">",
                "Q3 &lt;script&gt;alert(1)&lt;/script&gt; results", "Page sur news.example");
        assertThat(html).doesNotContain("<script>alert");
    }

    @Test
    void aPreviewWhoseLinkIsNotHttpIsNotShown() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p6","kind":"post","author":{"login":"alice","displayName":"Alice"},
                 "content":"<p>x</p>","reactions":{},"created":"2026-11-20T09:00:00Z",
                 "preview":{"url":"javascript:alert(1)","title":"Trap","site":"x"}}""");

        assertThat(render(post, BOB, Locale.ENGLISH)).doesNotContain("link-preview", "javascript:");
    }

    @Test
    void onAThreadACommunityModeratorIsOfferedDeleteButNotEditAsTheServiceSays() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p3","kind":"post","author":{"login":"alice","displayName":"Alice"},
                 "content":"<p>x</p>","reactions":{},"created":"2026-11-20T09:00:00Z",
                 "can":{"edit":false,"delete":true,"moderate":true}}""");

        assertThat(render(post, BOB, Locale.ENGLISH)).contains("hx-delete=\"/posts/p3\"").doesNotContain("/posts/p3/edit\"");
    }

    @Test
    void aBusinessEventCardNamesItsSourceSystemInTheReadersLanguage() throws Exception {
        JsonNode card = json.readTree("""
                {"id":"urn:relais:event:e-42","kind":"card","author":{"login":"carol","displayName":"Carol"},
                 "card":{"source":"hr","system":"workday","systemName":"Workday","eventType":"employee.hired",
                         "title":{"en":"Welcome Dave Leroy","fr":"Bienvenue à Dave Leroy"},
                         "summary":{"en":"Joins Data as data engineer","fr":"Rejoint Data comme data engineer"}},
                 "reactions":{},"commentCount":0,"created":"2026-11-20T09:00:00Z"}""");

        String fr = render(card, ALICE, Locale.FRENCH);
        String en = render(card, ALICE, Locale.ENGLISH);

        assertThat(fr).contains("class=\"card business hr", "via Workday", "Bienvenue à Dave Leroy", "Nouvelle recrue");
        assertThat(en).contains("Welcome Dave Leroy", "New hire", "Joins Data as data engineer");
        assertThat(en).as("cards are named by their full IRI in URLs").contains("/posts/urn%3Arelais%3Aevent%3Ae-42/comments");
    }

    @Test
    void textThatIsNotTheSanitisedContentIsEscaped() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p3","kind":"post",
                 "author":{"login":"mallory","displayName":"<img src=x onerror=alert(1)>"},
                 "content":"<p>ok</p>","reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String html = render(post, ALICE, Locale.ENGLISH);

        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void partnerTextIsTextInsideContainersWhereHtmxDoesNothing() throws Exception {
        JsonNode card = json.readTree("""
                {"id":"urn:relais:external:ecm:doc-9","kind":"card",
                 "card":{"source":"ecm","system":"ecm.alfresco","systemName":"<button hx-post=\\"/people/bob/follow\\">GED</button>",
                         "title":{"en":"Budget <img src=x onerror=alert(1)>"},
                         "summary":{"en":"<button hx-post=\\"/people/bob/follow\\" hx-trigger=\\"load\\">click</button>"}},
                 "author":{"login":"dave","displayName":"<button hx-post=\\"/people/bob/follow\\" hx-trigger=\\"load\\">Dave</button>"},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String html = render(card, ALICE, Locale.ENGLISH);

        assertThat(html).doesNotContain("<button hx-post=\"/people/bob/follow\"", "<img src=x")
                .contains("&lt;button hx-post=&quot;/people/bob/follow&quot;", "Budget &lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("<div class=\"card-band\" hx-disable>", "<div class=\"who\" hx-disable>",
                "<div class=\"card-body\" hx-disable dir=\"auto\">");
    }

    @Test
    void postAndCommentBodiesSitInsideContainersWhereHtmxDoesNothing() throws Exception {
        JsonNode post = json.readTree("""
                {"id":"urn:relais:post:p9","kind":"post","author":{"login":"alice","displayName":"Alice"},
                 "content":"<p>hello</p>","reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        assertThat(render(post, BOB, Locale.ENGLISH)).contains("<div class=\"content\" hx-disable dir=\"auto\"><p>hello</p></div>");
    }

    static final String WON = """
            {"id":"urn:relais:event:w-1","kind":"card","author":{"login":"bob","displayName":"Bob Durand"},
             "content":"Acme signe pour 1250000 EUR. Bravo bob !",
             "card":{"source":"crm","system":"crm.salesforce","systemName":"Salesforce","eventType":"opportunity.won",
                     "title":{"en":"Deal won: Acme renewal 🎉","fr":"Affaire gagnée : renouvellement Acme 🎉"},
                     "summary":{"en":"Acme signs for 1250000 EUR. Well done bob!","fr":"Acme signe pour 1250000 EUR. Bravo bob !"},
                     "data":{"name":"Acme renewal","account":"Acme","amount":1250000,"currency":"EUR","owner":"bob"}},
             "reactions":{},"created":"2026-11-20T09:00:00Z"}""";

    @Test
    void aWonDealShowsTheAmountInTheReadersFormatAndTheOwnerByName() throws Exception {
        String en = render(json.readTree(WON), ALICE, Locale.ENGLISH);
        String fr = render(json.readTree(WON), ALICE, Locale.FRENCH);

        assertThat(en).contains("Deal won</span>", "Acme signs for €1,250,000. Well done Bob Durand!")
                .doesNotContain("1250000", "bob!");
        assertThat(fr).containsPattern("Acme signe pour 1[\\s\\u00A0\\u202F]250[\\s\\u00A0\\u202F]000[\\s\\u00A0\\u202F]€\\. Bravo Bob Durand !");
    }

    /**
     * A customer named like markup: the summary composed in the reader's language (a message with the account in it)
     * and the title show the name's very characters, escaped once (not twice: no {@code &amp;amp;}), and no element.
     */
    @Test
    void aCustomerNamedLikeMarkupIsShownAsItsExactTextOnTheCard() throws Exception {
        String customer = "Smith & Sons <EMEA> <img src=x onerror=alert(1)>";
        String escaped = "Smith &amp; Sons &lt;EMEA&gt; &lt;img src=x onerror=alert(1)&gt;";
        String won = WON.replace("Acme renewal", customer.replace("\"", "\\\"")).replace("\"Acme\"", "\"" + customer + "\"");

        String en = render(json.readTree(won), ALICE, Locale.ENGLISH);

        assertThat(en).contains("Deal won: " + escaped + " 🎉", escaped + " signs for €1,250,000. Well done Bob Durand!")
                .doesNotContain("<img src=x", "<EMEA>", "&amp;amp;", "&amp;lt;");
    }

    @Test
    void aCardShowsOneSummaryInTheReadersLanguage() throws Exception {
        String en = render(json.readTree(WON), ALICE, Locale.ENGLISH);

        assertThat(en).doesNotContain("Bravo", "signe pour");
        assertThat(en.split("Well done", -1)).hasSize(2);
    }

    @Test
    void anAnniversaryIsAnAnniversaryWithItsYearsSpelledOut() throws Exception {
        JsonNode card = json.readTree("""
                {"id":"urn:relais:event:a-7","kind":"card","author":{"login":"dave","displayName":"Dave Leroy"},
                 "card":{"source":"hr","systemName":"Workday","eventType":"employee.anniversary",
                         "title":{"en":"7 year(s) with us for dave"},"summary":{"en":"Happy work anniversary to dave: 7 year(s)!"},
                         "data":{"login":"dave","years":7}},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String en = render(card, ALICE, Locale.ENGLISH);
        String fr = render(card, ALICE, Locale.FRENCH);

        assertThat(en).contains("Work anniversary", "Dave Leroy: 7 years with us", "Happy work anniversary to Dave Leroy: 7 years!")
                .doesNotContain("New hire", "year(s)");
        assertThat(fr).contains("Anniversaire professionnel", "Dave Leroy : 7 ans chez nous").doesNotContain("an(s)");
    }

    @Test
    void aHireGivesTheStartDateAsTheReaderWritesDates() throws Exception {
        JsonNode card = json.readTree("""
                {"id":"urn:relais:event:h-2","kind":"card","author":{"login":"nina","displayName":"Nina Zed"},
                 "card":{"source":"hr","eventType":"employee.hired","title":{"en":"Welcome Nina Zed!"},
                         "data":{"login":"nina","displayName":"Nina Zed","department":"Engineering","title":"Data engineer","startDate":"2026-12-01"}},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        assertThat(render(card, ALICE, Locale.ENGLISH)).contains("Nina Zed joins Engineering as Data engineer on December 1, 2026.");
        assertThat(render(card, ALICE, Locale.FRENCH)).contains("Nina Zed rejoint Engineering en tant que Data engineer le 1 décembre 2026.");
    }

    /**
     * HR sent only the login of who leaves or moves (the schemas require no displayName then), so the connector's
     * title reads "Farewell bob"; the card's author is that person (its {@code attributedTo}), whom feed-service shows
     * by the display name profile-service gives: title and summary name them so, in the reader's language.
     */
    @Test
    void aFarewellOrANewRoleNamesThePersonByTheDisplayNameTheCardCarriesNotTheirLogin() throws Exception {
        JsonNode left = json.readTree("""
                {"id":"urn:relais:event:l-3","kind":"card","author":{"iri":"urn:relais:person:bob","login":"bob","displayName":"Bob Durand"},
                 "card":{"source":"hr","systemName":"Workday","eventType":"employee.left",
                         "title":{"en":"Farewell bob","fr":"Au revoir bob"},
                         "summary":{"en":"bob leaves the company on 2026-12-31. Thank you for everything!",
                                    "fr":"bob quitte l'entreprise le 2026-12-31. Merci pour tout !"},
                         "data":{"login":"bob","leftDate":"2026-12-31"}},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");
        JsonNode moved = json.readTree("""
                {"id":"urn:relais:event:m-4","kind":"card","author":{"iri":"urn:relais:person:bob","login":"bob","displayName":"Bob Durand"},
                 "card":{"source":"hr","systemName":"Workday","eventType":"employee.moved",
                         "title":{"en":"New role for bob","fr":"Nouveau poste pour bob"},
                         "summary":{"en":"bob moves on: Head of Data.","fr":"bob évolue : Head of Data."},
                         "data":{"login":"bob","title":"Head of Data"}},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String en = render(left, ALICE, Locale.ENGLISH);
        String fr = render(left, ALICE, Locale.FRENCH);
        assertThat(en).contains("Farewell Bob Durand", "Bob Durand leaves the company on December 31, 2026.")
                .doesNotContain("Farewell bob", "bob leaves");
        assertThat(fr).contains("Au revoir Bob Durand", "Bob Durand quitte l&#39;entreprise le 31 décembre 2026.")
                .doesNotContain("Au revoir bob");
        assertThat(render(moved, ALICE, Locale.ENGLISH)).contains("New role for Bob Durand", "Bob Durand moves on: Head of Data.")
                .doesNotContain("for bob", "bob moves");
        assertThat(render(moved, ALICE, Locale.FRENCH)).contains("Nouveau poste pour Bob Durand", "Bob Durand évolue : Head of Data.");
    }

    /**
     * A generic system's Note (feed-service's card keeps its {@code attachments}) links to its page as "Open link", not
     * "Open document", and lists each attachment as a link named by its name as text ("Open attachment" when it has
     * none), with its media type; a link that is not http(s) is not made one.
     */
    @Test
    void aNotesLinkIsALinkAndItsAttachmentsAreListedByName() throws Exception {
        JsonNode note = json.readTree("""
                {"id":"urn:relais:external:generic.intranet:n-1","kind":"card","author":{"displayName":"Intranet"},
                 "card":{"source":"generic","system":"intranet","systemName":"Intranet","eventType":"intranet.note",
                         "title":{"und":"Inscriptions CSE"},"summary":{"und":"Ouvertes jusqu'au 15"},
                         "url":"https://intranet.example/cse","data":{"activityType":"Create","objectType":"Note"},
                         "attachments":[{"url":"https://intranet.example/cse/reglement.pdf","name":"Règlement <b>2027</b>",
                                         "mediaType":"application/pdf","type":"Document"},
                                        {"url":"http://intranet.example/cse/affiche.png","type":"Image"},
                                        {"url":"javascript:alert(1)","name":"Piège","type":"Document"}]},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        String en = render(note, ALICE, Locale.ENGLISH);
        String fr = render(note, ALICE, Locale.FRENCH);

        assertThat(en).contains("<a class=\"btn\" href=\"https://intranet.example/cse\" rel=\"noopener noreferrer\">Open link</a>",
                "<a href=\"https://intranet.example/cse/reglement.pdf\" rel=\"noopener noreferrer\" type=\"application/pdf\">Règlement &lt;b&gt;2027&lt;/b&gt;</a>",
                "<a href=\"http://intranet.example/cse/affiche.png\" rel=\"noopener noreferrer\">Open attachment</a>")
                .doesNotContain("Open document", "javascript:", "Piège", "<b>2027");
        assertThat(fr).contains(">Ouvrir le lien</a>", ">Ouvrir la pièce jointe</a>").doesNotContain("Ouvrir le document");
    }

    @Test
    void aDocumentCardStillOpensItsDocument() throws Exception {
        JsonNode doc = json.readTree("""
                {"id":"urn:relais:external:ecm.alfresco:d-1","kind":"card","author":{"displayName":"GED"},
                 "card":{"source":"ecm","system":"ecm.alfresco","eventType":"document.published","title":{"en":"Budget"},
                         "url":"https://ged.example/d-1","data":{}},
                 "reactions":{},"created":"2026-11-20T09:00:00Z"}""");

        assertThat(render(doc, ALICE, Locale.ENGLISH)).contains("href=\"https://ged.example/d-1\" rel=\"noopener noreferrer\">Open document</a>");
    }

    private String render(JsonNode post, Viewer viewer, Locale locale) {
        return engine.getTemplate("feed/card.html").instance().setLocale(locale)
                .data("post", post).data("me", viewer).data("lang", locale.getLanguage()).render();
    }
}
