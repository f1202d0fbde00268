package io.relais.feed.reaction;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ReactionStore;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.thread.ThreadOutbox;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * One reaction per (object, person), kept in the reacted post or comment with its counters (see
 * {@link ReactionStore}). Putting the same kind twice changes nothing; another kind replaces it (Undo of the
 * old Like, then a new Like). Every change is one write that carries its own outbox records
 * ({@link ThreadOutbox}), so a crash never leaves a count without its person nor a reaction unannounced.
 */
@ApplicationScoped
public class ReactionService {

    /** Conditional writes tried before a change that keeps losing to the same person's parallel changes answers 409. */
    static final int MAX_ATTEMPTS = 16;

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
    ThreadOutbox announcements;

    public record Reactor(PersonSummary person, String kind) {
    }

    public record Reactions(String object, Map<String, Long> counts, String mine, List<Reactor> people) {
    }

    /** A reacted-to thing: the post or comment IRI and the root post it belongs to. */
    private record Target(String iri, Post root, boolean comment) {
    }

    /**
     * The thing to react to (or to take a reaction back from): 404 unless the viewer sees it; 409 when its thread was
     * written in an archived community, whose reactions stay as they were ({@link ThreadAccess#requireWritable}).
     */
    private Target writableTarget(String postId, String commentId, Viewer viewer) {
        Target t = target(postId, commentId, viewer);
        access.requireWritable(t.root().community());
        return t;
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
     * Gives or changes my reaction. The change is one conditional write of the reacted post or comment
     * ({@link ReactionStore#put}): my entry, the counters and the outbox marks of its activities (the Undo of the
     * replaced Like, then the new Like) together, on condition that my entry is still the one read; a parallel
     * change of mine wins or loses as a whole, and the loser reads again. The marks are then appended to the
     * outbox; after a crash before that, {@link ThreadOutbox#republish} appends them.
     */
    public Reactions react(String postId, String commentId, ReactionKind kind, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Target t = writableTarget(postId, commentId, viewer);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ReactionStore.Reaction existing = store.find(t.iri(), me.iri());
            if (existing != null && kind.wire().equals(existing.kind())) {
                return reactions(t, viewer, false); // the same kind again (a double click): nothing to change
            }
            List<OutboxRecord> marks = new ArrayList<>();
            if (existing != null) marks.add(undo(t, existing));
            String like = Iri.of(Iri.ACTIVITY, EventId.next());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            marks.add(announcements.record(Activity.builder().id(like).type(As2.LIKE).actor(me.iri())
                    .object(AsObject.builder().id(t.iri()).context(t.comment() ? t.root().iri() : null).build())
                    .target(t.root().iri()).to(t.root().to()).cc(t.root().cc())
                    .relais(Map.of("reaction", kind.wire())).published(now).build()));
            if (store.put(t.iri(), new ReactionStore.Reaction(me.iri(), kind.wire(), like, now), existing, marks)) {
                marks.forEach(r -> announce(t, r));
                return reactions(t, viewer, false);
            }
        }
        throw ProblemException.conflict("your reaction changed " + MAX_ATTEMPTS + " times while this one was written: try again");
    }

    /** Takes my reaction back: one conditional write removes my entry, its count and marks its Undo (see {@link #react}). */
    public Reactions unreact(String postId, String commentId, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        Target t = writableTarget(postId, commentId, viewer);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ReactionStore.Reaction existing = store.find(t.iri(), me.iri());
            if (existing == null) return reactions(t, viewer, false);
            OutboxRecord undo = undo(t, existing);
            if (store.remove(t.iri(), existing, undo)) {
                announce(t, undo);
                return reactions(t, viewer, false);
            }
        }
        throw ProblemException.conflict("your reaction changed " + MAX_ATTEMPTS + " times while this one was removed: try again");
    }

    /**
     * Withdraws every reaction of an erased person (issue 15): counters go down, they leave the reactors, and each
     * Undo is on the log. Repeatable.
     *
     * @return how many reactions were withdrawn
     */
    public int withdrawAll(String personIri) {
        int withdrawn = 0;
        for (String object : store.byPerson(personIri).keySet()) {
            Optional<Comment> comment = Iri.isKind(object, Iri.COMMENT) ? comments.find(object) : Optional.empty();
            Optional<Post> root = postStore.find(comment.map(Comment::post).orElse(object));
            if (root.isEmpty()) continue;
            Target t = new Target(object, root.get(), comment.isPresent());
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                ReactionStore.Reaction existing = store.find(object, personIri);
                if (existing == null) break;
                OutboxRecord undo = undo(t, existing);
                if (store.remove(object, existing, undo)) {
                    announce(t, undo);
                    withdrawn++;
                    break;
                }
            }
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
            List<ReactionStore.Reaction> all = store.all(t.iri());
            Map<String, PersonSummary> display = profiles.displaysOf(all.stream().map(ReactionStore.Reaction::person).toList());
            for (ReactionStore.Reaction r : all) people.add(new Reactor(display.get(r.person()), r.kind()));
        }
        return new Reactions(t.iri(), counts, mine, people);
    }

    /** The Undo of a Like that this change removes. */
    private OutboxRecord undo(Target t, ReactionStore.Reaction existing) {
        return announcements.record(Activity.builder().type(As2.UNDO).actor(existing.person())
                .object(AsObject.builder().type(As2.LIKE).id(existing.activity()).context(t.root().iri()).build())
                .target(t.iri()).to(t.root().to()).cc(t.root().cc()).build());
    }

    private void announce(Target t, OutboxRecord record) {
        if (t.comment()) announcements.announceComment(t.iri(), record);
        else announcements.announcePost(t.iri(), record);
    }
}
