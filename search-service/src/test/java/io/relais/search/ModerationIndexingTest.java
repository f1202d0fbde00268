package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.RelaisExtension;
import io.relais.testing.RelaisTestResources;
import org.junit.jupiter.api.Test;

import static io.relais.search.Events.publish;
import static io.relais.search.Events.unique;
import static io.relais.search.SearchIndexingTest.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What feed-service's moderation does to the index: hidden content leaves it, restored content comes back. */
@QuarkusTest
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class ModerationIndexingTest {

    /** The Update feed-service publishes for a hide ({@code hidden = true}) or a restore. */
    static Activity decision(Activity create, String action, boolean hidden) {
        AsObject o = create.object().toBuilder().relais(RelaisExtension.builder()
                .moderation(RelaisExtension.Moderation.state(hidden, "Hors charte")).build()).build();
        return Activity.builder().type(As2.UPDATE).actor("urn:relais:person:bob").object(o).to(create.to()).cc(create.cc())
                .relais(RelaisExtension.builder().moderation(RelaisExtension.Moderation.decision(action, "Hors charte")).build()).build();
    }

    @Test
    void aHiddenPostLeavesTheIndexAndARestoredOneComesBack() {
        String word = "masque" + unique();
        Activity post = Events.orgPost("alice", "<p>Le " + word + " du jour</p>");
        publish(post);
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 1);
        publish(decision(post, "hide", true));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());
        publish(decision(post, "restore", false));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).containsExactly(post.object().id()));
    }

    @Test
    void aPostHeldByAKeywordRuleIsNeverIndexed() {
        String word = "retenu" + unique();
        String control = "temoin" + unique();
        Activity held = Events.orgPost("alice", "<p>" + word + "</p>");
        held = held.toBuilder().object(held.object().toBuilder().relais(RelaisExtension.builder()
                .moderation(RelaisExtension.Moderation.state(true, "keyword rule hold:\"" + word + "\"")).build()).build()).build();
        publish(held);
        // a comment of its thread is on the same partition, after it: once the comment is found, the post was read
        publish(Events.comment("bob", held, "<p>" + control + "</p>"));
        await().atMost(Events.WAIT).until(() -> ids("carol", control).size() == 1);
        assertThat(ids("carol", word)).isEmpty();
    }
}
