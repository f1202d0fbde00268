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
    void aSourceIdWithAColonIsRefused() {
        assertThatThrownBy(() -> Iri.external("crm:x", "1")).isInstanceOf(IllegalArgumentException.class);
    }
}
