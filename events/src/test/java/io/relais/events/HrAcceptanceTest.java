package io.relais.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HrAcceptanceTest {

    static final String HR = "/connectors/hr/workday";

    static Activity hire() {
        return SourceAuthorityTest.card("hr", "workday", "employee.hired", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "wd-1"));
    }

    @Test
    void theConnectorsHireAwaitsProfileServiceAndItsAcceptanceIsTheSameCard() {
        Activity hire = hire();
        Activity accepted = HrAcceptance.accepted(hire);

        assertThat(HrAcceptance.awaitsAcceptance(hire)).isTrue();
        assertThat(HrAcceptance.isAccepted(hire)).isFalse();
        assertThat(HrAcceptance.isAccepted(accepted)).isTrue();
        assertThat(HrAcceptance.awaitsAcceptance(accepted)).isFalse();
        assertThat(accepted.object()).isEqualTo(hire.object());
        assertThat(accepted.generator()).isEqualTo(hire.generator());
        assertThat(accepted.to()).isEqualTo(hire.to());
        assertThat(accepted.published()).isEqualTo(hire.published());
        assertThat(accepted.actor()).isEqualTo(hire.actor());
        assertThat(accepted.relais()).containsEntry("acceptedBy", "urn:relais:service:profile-service")
                .containsEntry("business", hire.relais().get("business"));
        assertThat(accepted.id()).isEqualTo(hire.id() + ".accepted").isEqualTo(HrAcceptance.accepted(hire).id());
        assertThat(ActivityValidator.validate(accepted)).isEmpty();
    }

    @Test
    void everyHrCardAboutAPersonAwaitsProfileServiceAndOtherCardsAreShownAsSent() {
        for (String eventType : new String[]{"employee.moved", "employee.left", "employee.anniversary"}) {
            Activity a = SourceAuthorityTest.card("hr", "workday", eventType, As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "e"));
            assertThat(HrAcceptance.awaitsAcceptance(a)).as(eventType).isTrue();
            assertThat(HrAcceptance.isAccepted(HrAcceptance.accepted(a))).as(eventType).isTrue();
            assertThat(HrAcceptance.awaitsAcceptance(HrAcceptance.accepted(a))).as(eventType).isFalse();
        }
        Activity crm = SourceAuthorityTest.card("crm", "salesforce", "employee.hired", As2.EVENT, Iri.of(Iri.BUSINESS_EVENT, "c"));
        assertThat(HrAcceptance.awaitsAcceptance(crm)).isFalse();
        assertThatThrownBy(() -> HrAcceptance.accepted(crm)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHrConnectorCannotAnnounceItsOwnHireAsAccepted() {
        Activity forged = HrAcceptance.accepted(hire());

        assertThat(SourceAuthority.check(HR, forged)).get().asString()
                .startsWith("source " + HR + " may not assert Create")
                .contains("accepted HR cards are owned by /relais/profile-service");
        assertThat(SourceAuthority.check("/relais/profile-service", forged)).isEmpty();
        assertThat(SourceAuthority.check(HR, hire())).isEmpty();
    }
}
