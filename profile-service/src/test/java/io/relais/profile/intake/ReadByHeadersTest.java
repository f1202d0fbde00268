package io.relais.profile.intake;

import io.relais.events.CloudEventAttributes;
import io.relais.kit.messaging.EventHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which records profile-service reads, from their headers alone (plain JUnit): feed-service's reactions, edits and
 * memberships and other systems' cards are passed over; feed-service's Creates, everything the hr connector sends,
 * whatever else a connector sends (a membership, a post edit, a person) and a record without a producer are read in
 * full, so those forgeries are still checked and dead-lettered here.
 */
class ReadByHeadersTest {

    static final String POST = "urn:relais:post:019a0000-0000-7000-8000-000000000001";
    static final String CARD = "urn:relais:event:019a0000-0000-7000-8000-000000000002";

    @Test
    void feedServiceReactionsMembershipsAndCommunityChangesAreNotRead() {
        for (String type : new String[]{"like", "undo", "join", "leave", "follow", "view", "flag"}) {
            assertThat(ActivityIntake.read(new EventHeaders(type, POST), CloudEventAttributes.FEED_SOURCE)).as(type).isFalse();
        }
        for (String type : new String[]{"update", "delete"}) {
            assertThat(ActivityIntake.read(new EventHeaders(type, "urn:relais:community:board"), CloudEventAttributes.FEED_SOURCE))
                    .as(type).isFalse();
        }
    }

    /** Creates count in who-knows-X; an edit, hide, restore or delete of a post or comment moves the count back. */
    @Test
    void feedServicePostsAndCommentsAndTheirEditsHidesAndDeletesAreRead() {
        for (String type : new String[]{"create", "update", "delete"}) {
            assertThat(ActivityIntake.read(new EventHeaders(type, POST), CloudEventAttributes.FEED_SOURCE)).as(type).isTrue();
            assertThat(ActivityIntake.read(new EventHeaders(type, "urn:relais:comment:019a0000-0000-7000-8000-000000000003"),
                    CloudEventAttributes.FEED_SOURCE)).as(type).isTrue();
        }
    }

    @Test
    void everythingTheHrConnectorSendsIsRead() {
        for (String type : new String[]{"create", "update", "delete"}) {
            assertThat(ActivityIntake.read(new EventHeaders(type, CARD), "/connectors/hr/workday")).as(type).isTrue();
        }
    }

    @Test
    void otherSystemsCardsAreNotRead() {
        for (String producer : new String[]{"/connectors/crm/salesforce", "/connectors/ecm/sharepoint", "/connectors/generic/intranet"}) {
            for (String subject : new String[]{CARD, "urn:relais:document:ecm.sharepoint:DOC-42", "urn:relais:external:generic.intranet:news-42"}) {
                for (String type : new String[]{"create", "update", "delete"}) {
                    assertThat(ActivityIntake.read(new EventHeaders(type, subject), producer)).as(producer + " " + type + " " + subject)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void whatAConnectorSendsBesidesCardsIsReadSoItsForgeriesAreDeadLettered() {
        String producer = "/connectors/generic/forger";
        assertThat(ActivityIntake.read(new EventHeaders("join", "urn:relais:community:board"), producer)).isTrue();
        assertThat(ActivityIntake.read(new EventHeaders("update", POST), producer)).isTrue();
        assertThat(ActivityIntake.read(new EventHeaders("delete", POST), producer)).isTrue();
        assertThat(ActivityIntake.read(new EventHeaders("update", "urn:relais:person:emma"), "/connectors/crm/salesforce")).isTrue();
    }

    @Test
    void aRecordThatDoesNotNameItsProducerIsRead() {
        assertThat(ActivityIntake.read(new EventHeaders("like", POST), null)).isTrue();
    }
}
