package io.relais.search;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.RelaisExtension;
import io.relais.testing.RelaisTestResources;
import io.relais.search.index.Fields;
import io.relais.search.index.SearchIndex;
import jakarta.inject.Inject;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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

    /** What SharePoint's connector publishes: the card, its later Update, in that system's namespace. */
    static final String SHAREPOINT = "/connectors/ecm/sharepoint";

    /**
     * A moderator hides a document card that has comments (feed-service: the card is read by nobody but moderators, so
     * neither is its thread). Its comments leave search with it, its system's later Update does not bring it back (feed
     * keeps the card hidden: the Update rewrites only the card's own fields), and the restore brings both back.
     */
    @Test
    void aHiddenCardAndItsCommentsLeaveSearchAndItsSystemsUpdateDoesNotBringThemBack() {
        String u = unique();
        String word = "contrat" + u;
        String said = "avis" + u;
        Activity card = Events.document("Create", "hidden-" + u, "Contrat " + word, "Version 1",
                List.of(Audience.ORGANISATION), Instant.now());
        publish(card, SHAREPOINT);
        Activity comment = Events.comment("bob", card, "<p>Mon " + said + "</p>");
        publish(comment);
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 1 && ids("carol", said).size() == 1);

        publish(decision(card, "hide", true));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());
        assertThat(ids("carol", said)).as("the comments of a hidden card").isEmpty();

        publish(Events.document("Update", "hidden-" + u, "Contrat " + word + " signe", "Version 2",
                List.of(Audience.ORGANISATION), null), SHAREPOINT);
        // a reaction to the card is on its partition, after the Update: once it is indexed, the Update was read
        Activity like = Events.like("dave", card, "like");
        publish(like);
        await().atMost(Events.WAIT).until(() -> indexed(like.id()));
        assertThat(ids("carol", word)).as("a hidden card updated by its system").isEmpty();
        assertThat(ids("carol", said)).as("its comments").isEmpty();

        publish(decision(card, "restore", false));
        await().atMost(Events.WAIT).untilAsserted(() -> {
            assertThat(ids("carol", word)).containsExactly(card.object().id());
            assertThat(ids("carol", said)).containsExactly(comment.object().id());
        });
    }

    /**
     * A card a moderator removed (feed-service's Delete) is deleted for good in feed-service, whatever its system sends
     * later: its system's Update of the deal does not put it back in search either.
     */
    @Test
    void aRemovedCardStaysOutOfSearchWhenItsSystemUpdatesIt() {
        String u = unique();
        String word = "offre" + u;
        Activity card = Events.document("Create", "removed-" + u, "Offre " + word, "Version 1",
                List.of(Audience.ORGANISATION), Instant.now());
        publish(card, SHAREPOINT);
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 1);
        Activity remove = Events.delete(card).toBuilder().actor("urn:relais:person:bob").relais(RelaisExtension.builder()
                .moderation(RelaisExtension.Moderation.decision("remove", "Hors charte")).build()).build();
        publish(remove);
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());

        publish(Events.document("Update", "removed-" + u, "Offre " + word + " revue", "Version 2",
                List.of(Audience.ORGANISATION), null), SHAREPOINT);
        Activity like = Events.like("dave", card, "like");
        publish(like);
        await().atMost(Events.WAIT).until(() -> indexed(like.id()));
        assertThat(ids("carol", word)).as("a removed card updated by its system").isEmpty();
    }

    /** A comment a moderator hid leaves search (its post stays); restored, it is found again. */
    @Test
    void aHiddenCommentLeavesSearchAndARestoredOneComesBack() {
        String word = "remarque" + unique();
        Activity post = Events.orgPost("alice", "<p>Sujet ouvert</p>");
        Activity comment = Events.comment("bob", post, "<p>Une " + word + "</p>");
        publish(post);
        publish(comment);
        await().atMost(Events.WAIT).until(() -> ids("carol", word).size() == 1);
        publish(decision(comment, "hide", true));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).isEmpty());
        assertThat(ids("bob", word)).as("its author's search too").isEmpty();
        publish(decision(comment, "restore", false));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(ids("carol", word)).containsExactly(comment.object().id()));
    }
}
