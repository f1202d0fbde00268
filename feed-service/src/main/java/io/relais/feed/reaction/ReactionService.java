package io.relais.feed.reaction;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.community.Roster;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * One reaction per (object, person): {@code reactions}, {@code _id} = object IRI + "|" + person IRI.
 * Counts per kind live in the post or comment document; who reacted is a {@link Roster} per object.
 * Putting the same kind twice changes nothing; another kind replaces it (Undo of the old Like, then a
 * new Like).
 */
@ApplicationScoped
public class ReactionService {

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    ReactionStore store;

    @Inject
    ThreadAccess access;

    @Inject
    PostStore postStore;

    @Inject
    CommentStore comments;

    @Inject
    MembershipService memberships;

    @Inject
    ProfileDirectory profiles;

    @Inject
    Outbox outbox;

    private volatile Roster reactors;

    public record Reactor(PersonSummary person, String kind) {
    }

    public record Reactions(String object, Map<String, Long> counts, String mine, List<Reactor> people) {
    }

    /** A reacted-to thing: the post or comment IRI and the root post it belongs to. */
    private record Target(String iri, Post root, boolean comment) {
    }

    private Target target(String postId, String commentId, Viewer viewer) {
        if (commentId == null) {
            Post root = access.visiblePost(ThreadAccess.postIri(postId), viewer);
            return new Target(root.iri(), root, false);
        }
        Comment c = access.visibleComment(postId, commentId, viewer);
        return new Target(c.iri(), postStore.find(c.post()).orElseThrow(), true);
    }

    /**
     * Gives or changes my reaction. One conditional write decides what changed: an upsert of the
     * reaction document by {@code _id} that returns the document as it was before. Only that before-image
     * moves the counters (the old kind down, the new one up, in one update of the reacted document) and
     * chooses the activities (Undo of the replaced Like, then the new Like), so any number of parallel
     * changes by one person leave exactly one reaction and counters equal to the reactions stored.
     */
    public Reactions react(String postId, String commentId, ReactionKind kind, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Target t = target(postId, commentId, viewer);
        String id = ReactionStore.id(t.iri(), me.iri());
        Document existing = store.find(id);
        if (existing != null && kind.wire().equals(existing.getString("kind"))) {
            return reactions(t, viewer, false); // the same kind again (a double click): nothing to change
        }
        String like = Iri.of(Iri.ACTIVITY, EventId.next());
        Instant now = Instant.now();
        Document before = replace(id, t, me.iri(), kind.wire(), like, now);
        String replaced = before == null ? null : before.getString("kind");
        if (replaced == null) {
            count(t, null, kind.wire());
            reactors().add(t.iri(), me.iri());
        } else {
            if (!replaced.equals(kind.wire())) {
                count(t, replaced, kind.wire());
            }
            undo(t, before, me.iri());
        }
        outbox.append(Activity.builder().id(like).type(As2.LIKE).actor(me.iri())
                .object(AsObject.builder().id(t.iri()).context(t.comment() ? t.root().iri() : null).build())
                .target(t.root().iri()).to(t.root().to()).cc(t.root().cc())
                .relais(Map.of("reaction", kind.wire())).published(now).build());
        return reactions(t, viewer, false);
    }

    /** The conditional write: upsert by {@code _id}, answering the reaction as it was before (null: none). */
    private Document replace(String id, Target t, String person, String kind, String like, Instant now) {
        FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
        var update = Updates.combine(Updates.setOnInsert("object", t.iri()), Updates.setOnInsert("post", t.root().iri()),
                Updates.setOnInsert("person", person), Updates.set("kind", kind), Updates.set("activity", like),
                Updates.set("at", Date.from(now)));
        try {
            return store.findOneAndUpdate(id, update, options);
        } catch (MongoCommandException | MongoWriteException e) {
            // two first reactions raced to insert: the loser's upsert is now an update of the winner's document
            if (ErrorCategory.fromErrorCode(e instanceof MongoWriteException w ? w.getError().getCode()
                    : ((MongoCommandException) e).getErrorCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
            return store.findOneAndUpdate(id, update, options);
        }
    }

    public Reactions unreact(String postId, String commentId, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Target t = target(postId, commentId, viewer);
        Document existing = store.findOneAndDelete(ReactionStore.id(t.iri(), me.iri()));
        if (existing != null) { // only the delete that really removed it moves the counter
            count(t, existing.getString("kind"), null);
            undo(t, existing, me.iri());
            reactors().remove(t.iri(), me.iri());
        }
        return reactions(t, viewer, false);
    }

    /**
     * Withdraws every reaction of an erased person (issue 15): counters go down, they leave the reactors, and each
     * Undo is on the log. Repeatable.
     *
     * @return how many reactions were withdrawn
     */
    public int withdrawAll(String personIri) {
        int withdrawn = 0;
        for (Document d : store.byPerson(personIri)) {
            String object = d.getString("object");
            Optional<Comment> comment = Iri.isKind(object, Iri.COMMENT) ? comments.find(object) : Optional.empty();
            Optional<Post> root = postStore.find(comment.map(Comment::post).orElse(object));
            Document existing = store.findOneAndDelete(d.getString("_id"));
            if (existing == null) continue;
            withdrawn++;
            reactors().remove(object, personIri);
            if (root.isEmpty()) continue;
            Target t = new Target(object, root.get(), comment.isPresent());
            count(t, existing.getString("kind"), null);
            undo(t, existing, personIri);
        }
        return withdrawn;
    }

    /** Counts and who reacted, for a viewer who may see the post (404 otherwise). */
    public Reactions list(String postId, String commentId, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        return reactions(target(postId, commentId, viewer), viewer, true);
    }

    private Reactions reactions(Target t, Viewer viewer, boolean withPeople) {
        Map<String, Long> counts = t.comment() ? comments.find(t.iri()).orElseThrow().reactions()
                : postStore.find(t.iri()).orElseThrow().reactions();
        String mine = store.myReactions(List.of(t.iri()), viewer.person()).get(t.iri());
        List<Reactor> people = new ArrayList<>();
        if (withPeople) {
            List<String> reactorIris = reactors().members(t.iri());
            Map<String, PersonSummary> display = profiles.displaysOf(reactorIris);
            List<String> ids = reactorIris.stream().map(p -> ReactionStore.id(t.iri(), p)).toList();
            Map<String, String> kinds = new HashMap<>();
            for (Document d : store.findAll(ids)) kinds.put(d.getString("person"), d.getString("kind"));
            for (String p : reactorIris) {
                if (kinds.containsKey(p)) people.add(new Reactor(display.get(p), kinds.get(p)));
            }
        }
        return new Reactions(t.iri(), counts, mine, people);
    }

    /** Publishes the Undo of a Like that is gone (the caller has moved the counters). */
    private void undo(Target t, Document existing, String person) {
        outbox.append(Activity.builder().type(As2.UNDO).actor(person)
                .object(AsObject.builder().type(As2.LIKE).id(existing.getString("activity"))
                        .context(t.root().iri()).build())
                .target(t.iri()).to(t.root().to()).cc(t.root().cc()).build());
    }

    /** Moves the target's counters: {@code from} down, {@code to} up (either may be null). */
    private void count(Target t, String from, String to) {
        if (t.comment()) comments.moveReaction(t.iri(), from, to);
        else postStore.moveReaction(t.iri(), from, to);
    }

    private Roster reactors() {
        if (reactors == null) reactors = new Roster(mongo.getDatabase(database), "reactors", 1000);
        return reactors;
    }
}
