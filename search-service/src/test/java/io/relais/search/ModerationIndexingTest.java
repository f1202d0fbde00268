package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.RelaisExtension;
import io.relais.testing.RelaisTestResources;
import io.relais.search.index.Fields;
import io.relais.search.index.SearchIndex;
import jakarta.inject.Inject;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
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

    @Inject
    SearchIndex index;

    /** Whether a document with this id is in the index (searchable or not). */
    private boolean indexed(String id) {
        return index.current().read(searcher -> searcher.count(new TermQuery(new Term(Fields.ID, id)))) == 1;
    }

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
        // a comment of its thread is on the same partition, after it: once the comment is indexed, the post was read
        Activity comment = Events.comment("bob", held, "<p>" + control + "</p>");
        publish(comment);
        await().atMost(Events.WAIT).until(() -> indexed(comment.object().id()));
        assertThat(ids("carol", word)).isEmpty();
        // and the thread of a held post is as hidden as the post
        assertThat(ids("carol", control)).isEmpty();
    }

    @Test
    void theCommentsOfAHiddenPostLeaveSearchAndComeBackOnRestore() {
        String word = "fil" + unique();
        Activity post = Events.orgPost("alice", "<p>Un sujet</p>");
        Activity comment = Events.comment("bob", post, "<p>La " + word + " en question</p>");
        Activity reply = Events.comment("dave", post, "<p>Encore " + word + "</p>");
        publish(post);
        publish(comment);
        publish(reply);
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 2);
        publish(decision(post, "hide", true));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());
        // hidden for its commenters too: the thread is out of every read path
        assertThat(ids("bob", word)).isEmpty();
        publish(decision(post, "restore", false));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word))
                .containsExactlyInAnyOrder(comment.object().id(), reply.object().id()));
    }

    @Test
    void theCommentsOfARemovedPostAreGoneForGood() {
        String word = "retire" + unique();
        Activity post = Events.orgPost("alice", "<p>Un autre sujet</p>");
        Activity comment = Events.comment("bob", post, "<p>" + word + "</p>");
        publish(post);
        publish(comment);
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 1);
        Activity remove = Events.delete(post).toBuilder().relais(RelaisExtension.builder()
                .moderation(RelaisExtension.Moderation.decision("remove", "Hors charte")).build()).build();
        publish(remove);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());
        // a late restore of something removed brings nothing back
        publish(decision(post, "restore", false));
        String control = "temoin" + unique();
        publish(Events.orgPost("alice", "<p>" + control + "</p>"));
        await().atMost(Events.WAIT).until(() -> ids("carol", control).size() == 1);
        assertThat(ids("carol", word)).isEmpty();
    }
}
