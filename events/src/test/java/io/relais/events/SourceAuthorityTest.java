package io.relais.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole source-authority table: every kind of activity produced today (feed-service's outbox, profile-service's
 * snapshots, connector-service's card mappings and the generic connector) against every kind of producer, allowed
 * exactly where the table grants it.
 */
class SourceAuthorityTest {

    static final String FEED = CloudEventAttributes.FEED_SOURCE;
    static final String PROFILE = CloudEventAttributes.PROFILE_SOURCE;
    static final String HR = "/connectors/hr/workday";
    static final String CRM = "/connectors/crm/salesforce";
    static final String ECM = "/connectors/ecm/sharepoint";
    static final String GENERIC = "/connectors/generic/jira";
    /** A second document system of the ecm source, beside SharePoint. */
    static final String OTHER_ECM = "/connectors/ecm/alfresco";
    static final List<String> PRODUCERS = List.of(FEED, PROFILE, HR, CRM, ECM, GENERIC);

    static final String ALICE = Iri.person("alice");
    static final String SECRET = Iri.community("board");
    static final String POST = Iri.post("p1");

    /** One sample per row and shape: what it is, the activity, the fact, and who may assert it. */
    record Sample(String name, Activity activity, SourceAuthority.Fact fact, Set<String> allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Sample> samples() {
        List<Sample> s = new ArrayList<>();
        // memberships: feed-service only
        s.add(new Sample("Join", Activity.builder().type(As2.JOIN).actor(ALICE).object(AsObject.ref(SECRET)).to(SECRET)
                .relais(RelaisExtension.builder().role("member").build()).build(), SourceAuthority.Fact.MEMBERSHIP, Set.of(FEED)));
        s.add(new Sample("Leave", Activity.builder().type(As2.LEAVE).actor(ALICE).object(AsObject.ref(SECRET)).to(SECRET).build(),
                SourceAuthority.Fact.MEMBERSHIP, Set.of(FEED)));
        s.add(new Sample("Invite", Activity.builder().type(As2.INVITE).actor(Iri.person("bob")).object(AsObject.ref(ALICE))
                .target(SECRET).to(ALICE).build(), SourceAuthority.Fact.MEMBERSHIP, Set.of(FEED)));
        s.add(new Sample("Accept", Activity.builder().type(As2.ACCEPT).actor(Iri.person("bob")).object(AsObject.ref(ALICE))
                .target(SECRET).to(ALICE).build(), SourceAuthority.Fact.MEMBERSHIP, Set.of(FEED)));
        s.add(new Sample("Reject", Activity.builder().type(As2.REJECT).actor(Iri.person("bob")).object(AsObject.ref(ALICE))
                .target(SECRET).to(ALICE).build(), SourceAuthority.Fact.MEMBERSHIP, Set.of(FEED)));
        s.add(new Sample("Offer join-request", Activity.builder().type(As2.OFFER).actor(ALICE).object(AsObject.ref(SECRET))
                .target(SECRET).to(Iri.person("bob")).relais(RelaisExtension.builder().kind(RelaisExtension.KIND_JOIN_REQUEST).build())
                .build(), SourceAuthority.Fact.MEMBERSHIP, Set.of(FEED)));
        // community settings: feed-service only
        for (String type : List.of(As2.CREATE, As2.UPDATE)) {
            s.add(new Sample(type + " Group", Activity.builder().type(type).actor(ALICE).object(AsObject.builder().id(SECRET)
                    .type(As2.GROUP).name("Board").relais(RelaisExtension.builder().visibility("secret").archived(false).build())
                    .to(SECRET).build()).to(SECRET).build(), SourceAuthority.Fact.COMMUNITY_SETTINGS, Set.of(FEED)));
        }
        s.add(new Sample("Add pin", Activity.builder().type(As2.ADD).actor(ALICE).object(AsObject.ref(POST)).target(SECRET)
                .to(SECRET).relais(RelaisExtension.builder().pinned(true).build()).build(), SourceAuthority.Fact.COMMUNITY_SETTINGS, Set.of(FEED)));
        s.add(new Sample("Remove pin", Activity.builder().type(As2.REMOVE).actor(ALICE).object(AsObject.ref(POST)).target(SECRET)
                .to(SECRET).relais(RelaisExtension.builder().pinned(false).build()).build(), SourceAuthority.Fact.COMMUNITY_SETTINGS, Set.of(FEED)));
        // social graph: feed-service only
        s.add(new Sample("Follow", Activity.builder().type(As2.FOLLOW).actor(ALICE).object(AsObject.ref(Iri.person("bob")))
                .to(Iri.person("bob")).build(), SourceAuthority.Fact.SOCIAL_GRAPH, Set.of(FEED)));
        s.add(new Sample("Undo Follow", Activity.builder().type(As2.UNDO).actor(ALICE).object(AsObject.builder()
                .id(Iri.of(Iri.ACTIVITY, "f1")).type(As2.FOLLOW).build()).build(), SourceAuthority.Fact.SOCIAL_GRAPH, Set.of(FEED)));
        s.add(new Sample("Block", Activity.builder().type(As2.BLOCK).actor(ALICE).object(AsObject.ref(Iri.person("bob"))).build(),
                SourceAuthority.Fact.SOCIAL_GRAPH, Set.of(FEED)));
        // content: feed-service; a connector only in its own namespace
        s.add(new Sample("Create Note (post)", create(note(POST)), SourceAuthority.Fact.CONTENT, Set.of(FEED)));
        s.add(new Sample("Update Note (post)", update(note(POST)), SourceAuthority.Fact.CONTENT, Set.of(FEED)));
        s.add(new Sample("Delete Tombstone (post)", delete(POST), SourceAuthority.Fact.CONTENT, Set.of(FEED)));
        s.add(new Sample("Create Note (comment)", create(note(Iri.comment("c1")).toBuilder().context(POST).inReplyTo(POST).build()),
                SourceAuthority.Fact.CONTENT, Set.of(FEED)));
        s.add(new Sample("Announce post", Activity.builder().type(As2.ANNOUNCE).actor(ALICE).object(AsObject.ref(POST))
                .to(Audience.ORGANISATION).build(), SourceAuthority.Fact.CONTENT, Set.of(FEED)));
        String genericNote = Iri.external("generic.jira", "JIRA-1");
        s.add(new Sample("Create Note (generic's own)", create(note(genericNote)), SourceAuthority.Fact.CONTENT, Set.of(FEED, GENERIC)));
        s.add(new Sample("Update Note (generic's own)", update(note(genericNote)), SourceAuthority.Fact.CONTENT, Set.of(FEED, GENERIC)));
        s.add(new Sample("Delete (generic's own)", delete(genericNote), SourceAuthority.Fact.CONTENT, Set.of(FEED, GENERIC)));
        s.add(new Sample("Create Page (crm's own)", create(AsObject.builder().id(Iri.external("crm.salesforce", "page-1")).type(As2.PAGE)
                .name("Fiche").to(Audience.ORGANISATION).build()), SourceAuthority.Fact.CONTENT, Set.of(FEED, CRM)));
        // reactions: feed-service; a connector only on its own objects
        s.add(new Sample("Like post", Activity.builder().type(As2.LIKE).actor(ALICE).object(AsObject.ref(POST)).target(POST)
                .to(Audience.ORGANISATION).relais(RelaisExtension.builder().reaction("celebrate").build()).build(),
                SourceAuthority.Fact.REACTION, Set.of(FEED)));
        s.add(new Sample("Undo Like", Activity.builder().type(As2.UNDO).actor(ALICE).object(AsObject.builder()
                .id(Iri.of(Iri.ACTIVITY, "l1")).type(As2.LIKE).build()).build(), SourceAuthority.Fact.REACTION, Set.of(FEED)));
        s.add(new Sample("Like (generic's own object)", Activity.builder().type(As2.LIKE).actor(ALICE).object(AsObject.ref(genericNote))
                .to(Audience.ORGANISATION).build(), SourceAuthority.Fact.REACTION, Set.of(FEED, GENERIC)));
        // moderation: feed-service only, even on a connector's own object
        s.add(new Sample("Flag post", Activity.builder().type(As2.FLAG).actor(ALICE).object(AsObject.ref(POST))
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.report("spam", null)).build()).build(),
                SourceAuthority.Fact.MODERATION, Set.of(FEED)));
        s.add(new Sample("Update Note hidden (generic's own)", update(note(genericNote)).toBuilder()
                .object(note(genericNote).toBuilder().relais(RelaisExtension.builder()
                        .moderation(RelaisExtension.Moderation.state(true, "spam")).build()).build())
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.decision("hide", "spam")).build()).build(),
                SourceAuthority.Fact.MODERATION, Set.of(FEED)));
        // reading (who opened what): feed-service only, even for a connector's own object
        s.add(new Sample("View post", Activity.builder().type(As2.VIEW).actor(ALICE).object(AsObject.ref(POST))
                .target(SECRET).build(), SourceAuthority.Fact.READING, Set.of(FEED)));
        s.add(new Sample("View (generic's own object)", Activity.builder().type(As2.VIEW).actor(ALICE)
                .object(AsObject.ref(genericNote)).build(), SourceAuthority.Fact.READING, Set.of(FEED)));
        // people: profile-service and hr
        AsObject person = AsObject.builder().id(ALICE).type(As2.PERSON).name("Alice")
                .relais(RelaisExtension.builder().put("login", "alice").put("status", "active").build()).build();
        s.add(new Sample("Update Person", update(person), SourceAuthority.Fact.PERSON, Set.of(PROFILE, HR)));
        s.add(new Sample("Delete Person (tombstone)", delete(ALICE), SourceAuthority.Fact.ERASURE, Set.of(PROFILE)));
        s.add(new Sample("Delete Person (erasure)", PersonErasure.delete(ALICE, Iri.person("admin")), SourceAuthority.Fact.ERASURE,
                Set.of(PROFILE)));
        // HR facts: profile-service and hr
        for (String eventType : List.of("employee.hired", "employee.moved", "employee.left", "employee.anniversary")) {
            s.add(new Sample("HR " + eventType, card("hr", "workday", eventType, As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e-" + eventType)),
                    SourceAuthority.Fact.HR_FACT, Set.of(PROFILE, HR)));
        }
        // an applied HR event, shown as its card: profile-service alone (the hr connector's own card awaits it)
        for (String eventType : List.of("employee.hired", "employee.moved", "employee.left", "employee.anniversary")) {
            s.add(new Sample("accepted HR " + eventType, HrAcceptance.accepted(card("hr", "workday", eventType, As2.EVENT,
                    Iri.of(Iri.BUSINESS_EVENT, "e-accepted-" + eventType))), SourceAuthority.Fact.ACCEPTED_HR_CARD, Set.of(PROFILE)));
        }
        // business cards: the connector of that source
        for (String eventType : List.of("opportunity.created", "opportunity.won", "opportunity.lost", "contract.signed")) {
            s.add(new Sample("CRM " + eventType, card("crm", "salesforce", eventType, As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e-" + eventType)),
                    SourceAuthority.Fact.BUSINESS_CARD, Set.of(CRM)));
        }
        for (String eventType : List.of("document.published", "document.updated")) {
            s.add(new Sample("ECM " + eventType, card("ecm", "sharepoint", eventType, As2.DOCUMENT,
                    Iri.document("ecm.sharepoint", "d-1")), SourceAuthority.Fact.BUSINESS_CARD, Set.of(ECM)));
        }
        s.add(new Sample("ECM document.shared", card("ecm", "sharepoint", "document.shared", As2.EVENT,
                Iri.of(Iri.BUSINESS_EVENT, "e-shared")), SourceAuthority.Fact.BUSINESS_CARD, Set.of(ECM)));
        s.add(new Sample("generic card (own namespace)", card("generic", "jira", "issue.created", As2.NOTE, genericNote),
                SourceAuthority.Fact.BUSINESS_CARD, Set.of(GENERIC)));
        return s;
    }

    static Stream<Arguments> everySampleFromEveryProducer() {
        List<Arguments> out = new ArrayList<>();
        for (Sample sample : samples()) {
            for (String producer : PRODUCERS) out.add(Arguments.of(sample, producer));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everySampleFromEveryProducer")
    void eachFactIsBelievedOnlyFromTheProducersThatOwnIt(Sample sample, String producer) {
        assertThat(ActivityValidator.validate(sample.activity())).as("sample is a valid activity").isEmpty();
        assertThat(SourceAuthority.factsOf(sample.activity())).contains(sample.fact());
        var refusal = SourceAuthority.check(producer, sample.activity());
        if (sample.allowed().contains(producer)) {
            assertThat(refusal).as("%s from %s", sample, producer).isEmpty();
        } else {
            assertThat(refusal).as("%s from %s", sample, producer).isPresent();
            assertThat(refusal.get()).startsWith("source " + producer + " may not").contains(sample.activity().type());
        }
    }

    @Test
    void everyRowOfTheTableHasASampleThatSomeoneMayAndSomeoneMayNotAssert() {
        Set<SourceAuthority.Fact> covered = EnumSet.noneOf(SourceAuthority.Fact.class);
        for (Sample s : samples()) {
            covered.add(s.fact());
            assertThat(s.allowed()).as(s.name()).isNotEmpty();
            assertThat(PRODUCERS).as(s.name()).anyMatch(p -> !s.allowed().contains(p));
        }
        assertThat(covered).containsExactlyInAnyOrder(SourceAuthority.Fact.values());
    }

    @Test
    void aForgedJoinNamesTheRuleAndTheOwner() {
        Activity join = samples().get(0).activity();
        assertThat(SourceAuthority.check("/connectors/generic/x", join)).contains(
                "source /connectors/generic/x may not assert Join of " + SECRET + ": memberships are owned by /relais/feed-service");
    }

    @Test
    void anHrFactFromAnotherConnectorIsRefusedNamingTheCardsSource() {
        Activity moved = card("hr", "workday", "employee.moved", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "m1"));
        assertThat(SourceAuthority.check(GENERIC, moved)).hasValueSatisfying(r -> assertThat(r)
                .contains("HR facts are owned by /relais/profile-service or /connectors/hr/<system>")
                .contains("relais.business.source is hr"));
    }

    @Test
    void anUpdateOfAnEmployeesPostFromAConnectorNamesItsNamespace() {
        assertThat(SourceAuthority.check(GENERIC, update(note(POST)))).hasValueSatisfying(r -> assertThat(r)
                .contains("posts, comments and other objects are owned by")
                .contains(POST + " is not in urn:relais:external:generic.jira:"));
    }

    @Test
    void aConnectorCannotTouchAnotherConnectorsNamespace() {
        assertThat(SourceAuthority.check(CRM, update(note(Iri.external("generic.jira", "JIRA-1"))))).isPresent();
        assertThat(SourceAuthority.check(CRM, card("crm", "salesforce", "opportunity.won", As2.EVENT,
                Iri.external("ecm", "d-1")))).isPresent();
    }

    @Test
    void theNamespaceNamesTheSystemSoASecondSystemOfTheSameSourceCannotTouchTheFirstsObjects() {
        assertThat(SourceAuthority.check(GENERIC, create(note(Iri.external("generic.jira", "JIRA-2"))))).isEmpty();
        for (Activity a : List.of(create(note(Iri.external("generic.other", "JIRA-2"))),
                update(note(Iri.external("generic.other", "JIRA-2"))), delete(Iri.external("generic.other", "JIRA-2")),
                update(note(Iri.external("generic", "JIRA-2"))), delete(Iri.external("generic", "JIRA-2")))) {
            assertThat(SourceAuthority.check(GENERIC, a)).as(a.type() + " " + a.object().id())
                    .hasValueSatisfying(r -> assertThat(r).contains("is not in urn:relais:external:generic.jira:"));
        }
    }

    /**
     * Two document systems of the ecm source may use the same document ids: a document card's IRI names its system
     * ({@code urn:relais:document:ecm.<system>:…}) and its Create, Update or Delete is believed only from that
     * system's connector, so a second system cannot rewrite the first's card (title, link, summary). A document IRI of
     * the former shape, naming no system, is no connector's.
     */
    @Test
    void aDocumentCardIsBelievedOnlyFromTheConnectorOfItsSystem() {
        String sharepoints = "urn:relais:document:ecm.sharepoint:DOC-42";
        Activity published = card("ecm", "sharepoint", "document.published", As2.DOCUMENT, sharepoints);
        Activity rewritten = updateOf(card("ecm", "alfresco", "document.updated", As2.DOCUMENT, sharepoints));
        for (Activity forged : List.of(rewritten, card("ecm", "alfresco", "document.published", As2.DOCUMENT, sharepoints),
                delete(sharepoints))) {
            assertThat(SourceAuthority.check(OTHER_ECM, forged)).as(forged.type() + " from " + OTHER_ECM)
                    .hasValueSatisfying(r -> assertThat(r).startsWith("source " + OTHER_ECM + " may not assert " + forged.type())
                            .contains(sharepoints + " is not in urn:relais:document:ecm.alfresco:"));
        }
        String unnamespaced = "urn:relais:document:DOC-42";
        for (String producer : List.of(ECM, OTHER_ECM)) {
            assertThat(SourceAuthority.check(producer, updateOf(card("ecm", "sharepoint", "document.updated", As2.DOCUMENT,
                    unnamespaced)))).as("the former shape from " + producer).isPresent();
        }
        assertThat(SourceAuthority.check(ECM, published)).isEmpty();
        assertThat(SourceAuthority.check(ECM, updateOf(published))).isEmpty();
        assertThat(SourceAuthority.check(ECM, delete(sharepoints))).isEmpty();
        assertThat(SourceAuthority.check(OTHER_ECM, card("ecm", "alfresco", "document.published", As2.DOCUMENT,
                "urn:relais:document:ecm.alfresco:DOC-42"))).as("the same id in its own namespace").isEmpty();
    }

    @Test
    void anHrFactSmuggledIntoAnotherActivityIsStillAnHrFact() {
        Activity like = Activity.builder().type(As2.LIKE).actor(ALICE).object(AsObject.ref(Iri.external("generic.jira", "x")))
                .relais(Map.of("business", Map.of("source", "hr", "eventType", "employee.moved"))).build();
        assertThat(SourceAuthority.factsOf(like)).contains(SourceAuthority.Fact.HR_FACT, SourceAuthority.Fact.REACTION);
        assertThat(SourceAuthority.check(GENERIC, like)).isPresent();
    }

    @Test
    void aCardWhoseObjectAndActivityDisagreeOnTheSourceIsRefused() {
        Activity crm = card("crm", "salesforce", "opportunity.won", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "x"));
        Activity mixed = crm.toBuilder().relais(Map.of("business", Map.of("source", "hr", "eventType", "employee.moved"))).build();
        assertThat(SourceAuthority.check(CRM, mixed)).isPresent();
        assertThat(SourceAuthority.check(HR, mixed)).isPresent();
    }

    @Test
    void aConnectorMayNotNameAnotherSystemAsGenerator() {
        Activity note = create(note(Iri.external("generic.jira", "n1"))).toBuilder()
                .generator(AsObject.builder().id("urn:relais:source:hr.workday").type(As2.APPLICATION).name("Workday").build()).build();
        assertThat(SourceAuthority.check(GENERIC, note)).hasValueSatisfying(r -> assertThat(r).contains("generator"));
    }

    /**
     * Two systems of one source type (two document systems): neither may present its card as the other's, by the
     * generator (the sender a card shows) or by {@code relais.business.system} (the system a card is kept under).
     */
    @Test
    void aConnectorMayNotPresentItsCardAsAnotherSystemsOfItsType() {
        Activity fromSharepoint = card("ecm", "sharepoint", "document.shared", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e1"));
        assertThat(SourceAuthority.check(ECM, fromSharepoint)).isEmpty();

        AsObject sharepoint = fromSharepoint.generator();
        Activity alfrescoAsSharepoint = card("ecm", "alfresco", "document.shared", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e2"))
                .toBuilder().generator(sharepoint).actor(sharepoint.id()).build();
        assertThat(SourceAuthority.check(OTHER_ECM, alfrescoAsSharepoint))
                .hasValueSatisfying(r -> assertThat(r).contains("generator").contains("urn:relais:source:ecm.alfresco"));

        Activity keptAsSharepoints = card("ecm", "alfresco", "document.shared", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e3"));
        Map<String, Object> sharepointsBusiness = fromSharepoint.relais();
        keptAsSharepoints = keptAsSharepoints.toBuilder().relais(sharepointsBusiness)
                .object(keptAsSharepoints.object().toBuilder().relais(sharepointsBusiness).build()).build();
        assertThat(SourceAuthority.check(OTHER_ECM, keptAsSharepoints))
                .hasValueSatisfying(r -> assertThat(r).contains("business cards are owned by"));

        Activity hireAsAnotherHrSystem = card("hr", "bamboo", "employee.hired", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e4"));
        assertThat(SourceAuthority.check(HR, hireAsAnotherHrSystem)).isPresent();
        assertThat(SourceAuthority.check(HR, card("hr", "workday", "employee.hired", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e5"))))
                .isEmpty();
    }

    @Test
    void aRecordWithoutOrWithAnUnknownSourceAssertsNothing() {
        Activity post = create(note(POST));
        assertThat(SourceAuthority.check(null, post)).hasValueSatisfying(r -> assertThat(r).contains("ce_source"));
        assertThat(SourceAuthority.check("", post)).isPresent();
        assertThat(SourceAuthority.check("/test", post)).hasValueSatisfying(r -> assertThat(r).contains("not a known producer"));
        assertThat(SourceAuthority.check("/connectors/crm", post)).isPresent();
        assertThat(SourceAuthority.check("/relais/search-service", post)).isPresent();
    }

    @Test
    void onlyProfileServiceErasesAPerson() {
        assertThat(SourceAuthority.checkErasure(PROFILE)).isEmpty();
        for (String other : List.of(FEED, HR, GENERIC)) assertThat(SourceAuthority.checkErasure(other)).isPresent();
        assertThat(SourceAuthority.checkErasure(null)).isPresent();
    }

    // ----- builders

    static AsObject note(String id) {
        return AsObject.builder().id(id).type(As2.NOTE).attributedTo(ALICE).content("<p>Bonjour</p>")
                .to(Audience.ORGANISATION).build();
    }

    static Activity create(AsObject o) {
        return Activity.builder().type(As2.CREATE).actor(ALICE).object(o).to(Audience.ORGANISATION).build();
    }

    static Activity update(AsObject o) {
        return Activity.builder().type(As2.UPDATE).actor(ALICE).object(o).to(Audience.ORGANISATION).build();
    }

    static Activity delete(String id) {
        return Activity.builder().type(As2.DELETE).actor(ALICE).object(AsObject.builder().id(id).type(As2.TOMBSTONE).build())
                .to(Audience.ORGANISATION).build();
    }

    /** The same card as an Update (a {@code document.updated}). */
    static Activity updateOf(Activity card) {
        return card.toBuilder().type(As2.UPDATE).build();
    }

    /** A card as connector-service maps it: business on the object and the activity, generator the system. */
    static Activity card(String source, String system, String eventType, String objectType, String objectId) {
        Map<String, Object> business = RelaisExtension.builder().business(new RelaisExtension.Business(source, eventType,
                system, "evt-1", Map.of("login", "alice"))).build();
        AsObject generator = AsObject.builder().id(Iri.of(Iri.SOURCE, source + "." + system)).type(As2.APPLICATION)
                .name(system).build();
        AsObject o = AsObject.builder().id(objectId).type(objectType).name("Carte").summary("Résumé")
                .to(Audience.ORGANISATION).relais(business).build();
        return Activity.builder().type(As2.CREATE).actor(generator.id()).object(o).to(Audience.ORGANISATION)
                .generator(generator).relais(business).build();
    }
}
