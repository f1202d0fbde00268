package io.relais.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalIriTest {

    @Test
    void anExternalIdIsNamespacedByItsSource() {
        String iri = Iri.external("crm", "deal-42");
        assertThat(iri).isEqualTo("urn:relais:external:crm:deal-42");
        assertThat(Iri.externalSource(iri)).contains("crm");
        assertThat(Iri.isValid(iri)).isTrue();
    }

    @Test
    void charactersOutsideTheLocalIdAlphabetArePercentEncodedSoTwoIdsNeverCollide() {
        String slash = Iri.external("generic", "a/b");
        String encodedLooking = Iri.external("generic", "a%2Fb");
        assertThat(slash).isEqualTo("urn:relais:external:generic:a%2Fb");
        assertThat(encodedLooking).isNotEqualTo(slash);
        assertThat(Iri.isValid(slash)).isTrue();
        assertThat(Iri.isValid(encodedLooking)).isTrue();
    }

    @Test
    void aRelaisIriOfAnotherKindHasNoExternalSource() {
        assertThat(Iri.externalSource(Iri.post("p1"))).isEmpty();
        assertThat(Iri.externalSource("https://crm.example/deals/42")).isEmpty();
    }

    @Test
    void aDocumentIsNamedInItsSystemsNamespace() {
        String iri = Iri.document("ecm.sharepoint", "DOC-42");
        assertThat(iri).isEqualTo("urn:relais:document:ecm.sharepoint:DOC-42");
        assertThat(Iri.namespace(iri)).contains("ecm.sharepoint");
        assertThat(Iri.isKind(iri, Iri.DOCUMENT)).isTrue();
        assertThat(Iri.isValid(iri)).isTrue();
        assertThat(Iri.document("ecm.alfresco", "DOC-42")).isNotEqualTo(iri);
        assertThat(Iri.externalSource(iri)).as("a document is not an external object").isEmpty();
        assertThat(Iri.namespace(Iri.external("generic.intranet", "n-1"))).contains("generic.intranet");
    }

    @Test
    void aDocumentIriOfTheFormerShapeIsValidButInNoNamespace() {
        String before = "urn:relais:document:DOC-42";
        assertThat(Iri.isValid(before)).isTrue();
        assertThat(Iri.namespace(before)).isEmpty();
        assertThat(Iri.isValid("urn:relais:document::DOC-42")).isFalse();
        assertThat(Iri.isValid("urn:relais:document:ecm.sharepoint:")).isFalse();
    }

    @Test
    void aSourceIdWithAColonIsRefused() {
        assertThatThrownBy(() -> Iri.external("crm:x", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iri.document("ecm:x", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    /** What a service accepts as a card's IRI in a request is every IRI the connector names a card with. */
    @Test
    void everyCardIriTheConnectorBuildsMatchesTheCardPatternServicesValidateWith() {
        for (String iri : java.util.List.of(Iri.of(Iri.BUSINESS_EVENT, EventId.next()),
                Iri.document("ecm.sharepoint", "DOC-42"), Iri.document("ecm.alfresco", "dossier/2024 été#3"),
                Iri.external("generic.intranet", "news-42"), Iri.external("crm.salesforce", "a:b/c?d"),
                "urn:relais:document:DOC-42")) {
            assertThat(iri).as("built by the connector, valid: %s", iri).matches(Iri::isValid);
            assertThat(iri).matches(Iri.BUSINESS_CARD_PATTERN);
        }
        for (String notACard : java.util.List.of(Iri.post("p1"), Iri.person("alice"), "urn:relais:document:a:b:c",
                "urn:relais:external:crm", "urn:relais:document:", "urn:relais:event:a b", "https://example.com/x")) {
            assertThat(notACard).doesNotMatch(Iri.BUSINESS_CARD_PATTERN);
        }
    }
}
