package io.relais.feed.community;

import com.mongodb.client.model.Updates;
import io.relais.events.Activity;
import io.relais.events.ActivityValidator;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Iri;
import io.relais.events.Viewer;
import io.relais.events.Violation;
import io.relais.feed.profile.KnownPeople;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import io.relais.kit.outbox.OutboxRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Community life: create, edit, archive, join or request, approve, invite, leave, remove, roles.
 * Every membership change is published as Join/Leave (the only facts other services act on);
 * requests and invitations are published as Offer/Invite/Accept so notifications can follow them.
 */
@ApplicationScoped
public class CommunityService {

    /** Pending requests and invitations per community: bounded, they live in the community document. */
    static final int MAX_PENDING = 500;

    @Inject
    CommunityStore store;

    @Inject
    MembershipService memberships;

    @Inject
    CommunityNames names;

    @Inject
    ProfileDirectory profiles;

    @Inject
    KnownPeople knownPeople;

    @Inject
    Outbox outbox;

    @Inject
    JoinRequests joinRequests;

    @Inject
    PublishedContent published;

    @Inject
    PinnedPosts pinned;

    /** CloudEvents source of the records this service appends (the one {@link Outbox#append} uses). */
    @ConfigProperty(name = "relais.outbox.source", defaultValue = "/relais/service")
    String outboxSource;

    /**
     * Creates a community; its creator becomes its owner (Create of the Group, then their Join, published).
     * <ul>
     *   <li>{@code slug} absent: the first free one of {@link CommunitySlugs#candidates}, chosen silently (a secret
     *       community's ends with a random part, so it cannot be guessed from its name);</li>
     *   <li>{@code slug} named and held by any community: 409 naming {@code slug}, worded the same whichever community
     *       holds it, one the creator may see or a secret one they may not ({@link #slugUnavailable}): a slug is the
     *       community's IRI and stays unique, so that a slug is held is the one fact this answer gives;</li>
     *   <li>the name: 400 without a letter or digit; 409 naming {@code name} when a community the creator may see
     *       ({@link #requireNameFree}) has the same one.</li>
     * </ul>
     */
    public Community create(CommunityRequests.CreateCommunity request, CurrentPerson me) {
        String name = request.name().trim();
        requireNameFree(name, null, memberships.viewerOf(me));
        if (request.slug() != null) {
            return insert(request.slug(), name, request, me).orElseThrow(() -> slugUnavailable(request.slug()));
        }
        for (String slug : CommunitySlugs.candidates(name, request.visibility())) {
            Optional<Community> created = insert(slug, name, request, me);
            if (created.isPresent()) return created.get();
        }
        // every candidate held, random ones included: not expected to happen
        throw new ProblemException(Problem.of(409, "conflict", "Conflict", "no free slug could be chosen from this name")
                .withErrors(List.of(new Violation("slug", "could not be chosen from the name; name one"))));
    }

    /** The community written at this slug, or empty when a community holds the slug (checked, or lost in a race). */
    private Optional<Community> insert(String slug, String name, CommunityRequests.CreateCommunity request, CurrentPerson me) {
        String iri = Iri.community(slug);
        if (store.find(iri).isPresent()) return Optional.empty();
        boolean open = request.visibility() != Visibility.SECRET;
        if (open) claimName(name, iri);
        Document d = new Document("_id", iri).append("slug", slug).append("name", name)
                .append("nameLower", name.toLowerCase(Locale.ROOT)).append("nameKey", CommunityNames.key(name))
                .append("description", request.description() == null ? "" : request.description().trim())
                .append("visibility", request.visibility().wire()).append("archived", false)
                .append("requests", List.of()).append("invitations", List.of()).append("pins", List.of())
                .append("owners", List.of()).append("moderators", List.of())
                .append("created", Date.from(Instant.now())).append("createdBy", me.iri());
        if (!store.insert(d)) {
            // lost a race for the slug: give the name back unless the winner is open and holds it under the same name
            if (open && store.find(iri).map(w -> w.visibility() == Visibility.SECRET
                    || !CommunityNames.key(w.name()).equals(CommunityNames.key(name))).orElse(true)) {
                names.release(name, iri);
            }
            return Optional.empty();
        }
        Community community = Community.from(d);
        outbox.append(groupActivity(As2.CREATE, community, me.iri()));
        memberships.put(me.iri(), iri, Role.OWNER, isNew -> join(me.iri(), community, Role.OWNER));
        return Optional.of(community);
    }

    /**
     * The answer to an explicit slug some community holds: the same words whichever community it is (one the caller
     * may see, or a secret one they may not), naming only the slug they sent. No slug is reserved otherwise.
     */
    static ProblemException slugUnavailable(String slug) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", "the community slug '" + slug
                        + "' is not available; choose another one, or send none and one is chosen from the name")
                .withErrors(List.of(new Violation("slug", "must be a slug no community uses"))));
    }

    /** Told when a public community became private or secret (see {@link Closed}). */
    @Inject
    Event<Closed> closed;

    /**
     * A public community became private or secret ({@link #edit}): what only its members may have (following it) ends for
     * the others. Fired synchronously once the new visibility is stored; observers are idempotent.
     *
     * @param community community IRI
     */
    public record Closed(String community) {
    }

    /** Owners change name, description or visibility; 403 for others; 409 while it is archived ({@link Community#requireWritable}). */
    public Community edit(String slug, CommunityRequests.EditCommunity request, CurrentPerson me) {
        Community c = visible(slug, me);
        requireRole(c, me, Role.OWNER);
        c.requireWritable();
        if (request.visibility() != null) requireNoPublicContentBehind(c, request.visibility());
        List<Bson> updates = new ArrayList<>();
        String name = request.name() == null ? c.name() : request.name().trim();
        boolean renamed = request.name() != null && !CommunityNames.key(name).equals(CommunityNames.key(c.name()));
        boolean wasOpen = c.visibility() != Visibility.SECRET;
        boolean open = (request.visibility() == null ? c.visibility() : request.visibility()) != Visibility.SECRET;
        if (renamed) requireNameFree(name, c.iri(), memberships.viewerOf(me));
        // an open community holds its name's claim: a renamed one claims its new name, one leaving secrecy its name
        if (open && (renamed || !wasOpen)) claimName(name, c.iri());
        if (request.name() != null) {
            updates.add(Updates.set("name", name));
            updates.add(Updates.set("nameLower", name.toLowerCase(Locale.ROOT)));
            updates.add(Updates.set("nameKey", CommunityNames.key(name)));
        }
        if (request.description() != null) updates.add(Updates.set("description", request.description().trim()));
        if (request.visibility() != null) updates.add(Updates.set("visibility", request.visibility().wire()));
        if (updates.isEmpty()) return c;
        store.update(c.iri(), Updates.combine(updates));
        // its old name, or its name once secret, is free again (for those who may not see it)
        if (wasOpen && (renamed || !open)) names.release(c.name(), c.iri());
        Community edited = store.find(c.iri()).orElseThrow();
        if (c.visibility() == Visibility.PUBLIC && edited.visibility() != Visibility.PUBLIC) closed.fire(new Closed(c.iri()));
        outbox.append(groupActivity(As2.UPDATE, edited, me.iri()));
        return edited;
    }

    /**
     * A public community's posts and cards are addressed to the whole organisation as well as to the community
     * ({@link Community#postCc()}), and feeds, search and notifications keep the audience each item was published
     * with: once anything is published there, making the community private or secret would leave that content
     * readable by everyone while its settings say otherwise. So that narrowing is refused (409 naming
     * {@code visibility}) once anything was addressed to the organisation there; a community with nothing published
     * while it was public (a private one made public by mistake and put back), or a private one becoming secret (its
     * items were already addressed to members only), may change.
     */
    private void requireNoPublicContentBehind(Community c, Visibility wanted) {
        if (c.visibility() != Visibility.PUBLIC || wanted == Visibility.PUBLIC || !published.anyToTheOrganisationIn(c.iri())) return;
        String rule = "cannot become " + wanted.wire() + ": what was published here went to the whole organisation and stays"
                + " readable by everyone; create a " + wanted.wire() + " community for what follows";
        throw new ProblemException(Problem.of(409, "conflict", "Conflict", "visibility " + rule)
                .withErrors(List.of(new Violation("visibility", rule))));
    }

    /**
     * Owners and admins archive: the community stays readable and read-only ({@link Community#requireWritable}): nobody
     * posts, comments, edits, reacts or joins any more, and its settings, pins, roles and join-request decisions are
     * frozen until {@link #unarchive}; authors and moderators still take content down, people still leave and owners
     * and moderators still remove members.
     */
    public Community archive(String slug, CurrentPerson me) {
        return setArchived(slug, true, me);
    }

    /**
     * Owners and admins (as for {@link #archive}) undo an archive: the community takes posts, comments, reactions and
     * members again. Idempotent: a community that is not archived is answered as it is, nothing published.
     */
    public Community unarchive(String slug, CurrentPerson me) {
        return setArchived(slug, false, me);
    }

    /** Both ways publish the Group's Update with its {@code archived} flag, so every projection follows. */
    private Community setArchived(String slug, boolean archived, CurrentPerson me) {
        Community c = visible(slug, me);
        if (!me.isAdmin()) requireRole(c, me, Role.OWNER);
        if (c.archived() == archived) return c;
        store.update(c.iri(), Updates.set("archived", archived));
        Community changed = store.find(c.iri()).orElseThrow();
        outbox.append(groupActivity(As2.UPDATE, changed, me.iri()));
        return changed;
    }

    public Optional<Community> find(String slug) {
        return validSlug(slug) ? store.find(Iri.community(slug)) : Optional.empty();
    }

    /** The community if this person may know it exists; 404 otherwise, whatever the reason. */
    public Community visible(String slug, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        return find(slug).filter(c -> c.visibleTo(viewer))
                .orElseThrow(() -> ProblemException.notFound("community " + slug));
    }

    public CommunityView view(Community c, CurrentPerson me) {
        return views(List.of(c), me).get(0);
    }

    public List<CommunityView> views(List<Community> list, CurrentPerson me) {
        Map<String, Role> mine = memberships.rolesOf(me.iri());
        Map<String, Long> counts = memberships.memberCounts(list.stream().map(Community::iri).toList());
        Viewer viewer = memberships.viewerOf(me);
        // the pins a reader is shown follow the thread read rule: none deleted, none hidden from them (one read)
        Set<String> readablePins = pinned.readableAmong(list.stream().filter(c -> c.contentVisibleTo(viewer))
                .flatMap(c -> c.pins().stream()).toList(), viewer);
        List<CommunityView> out = new ArrayList<>();
        for (Community c : list) {
            Role role = mine.get(c.iri());
            String status = role != null ? "member" : c.requests().contains(me.iri()) ? "pending"
                    : c.invitations().contains(me.iri()) ? "invited" : "none";
            out.add(new CommunityView(c.iri(), c.slug(), c.name(), c.description(), c.visibility().wire(), c.archived(),
                    counts.getOrDefault(c.iri(), 0L), role == null ? null : role.wire(), status,
                    c.contentVisibleTo(viewer) ? c.pins().stream().filter(readablePins::contains).toList() : List.of(),
                    c.created()));
        }
        return out;
    }

    /** The directory: name search; secret communities only for their members. */
    public List<Community> directory(String q, int limit, CurrentPerson me) {
        Viewer viewer = memberships.viewerOf(me);
        String query = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        // read a few more than asked, since secret ones the viewer may not know are dropped after
        return store.searchByName(query, limit * 4 + 20).stream().filter(c -> c.visibleTo(viewer)).limit(limit).toList();
    }

    /** Public: become a member; private: a join request for the moderators; secret: only with an invitation. */
    public String join(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        c.requireWritable();
        if (memberships.roleIn(me.iri(), c.iri()).isPresent()) return "member";
        if (c.invitations().contains(me.iri()) || c.visibility() == Visibility.PUBLIC) {
            becomeMember(c, me.iri(), Role.MEMBER);
            return "member";
        }
        if (c.visibility() == Visibility.SECRET) throw ProblemException.notFound("community " + slug);
        if (!c.requests().contains(me.iri())) {
            requireRoom(c.requests());
            Instant now = Instant.now();
            joinRequests.requireMayAsk(c, me.iri(), now); // 429: one request per person and community per interval
            List<String> moderators = new ArrayList<>(memberships.moderatorsOf(c.iri()));
            Activity offer = moderators.isEmpty() ? null : Activity.builder().type(As2.OFFER).actor(me.iri())
                    .object(AsObject.ref(c.iri())).target(c.iri()).to(moderators).published(now)
                    .relais(Map.of("kind", "join-request")).build();
            // remembered before it is published: the notification consumer notifies only of a person's open request
            joinRequests.sent(c.iri(), me.iri(), offer == null ? null : offer.id(), moderators, now);
            store.addToSet(c.iri(), "requests", me.iri());
            if (offer != null) outbox.append(offer);
        }
        return "pending";
    }

    /** The requester withdrew a pending join request: its Offer's notifications are taken back ({@link #takeBack}). */
    private void withdrawRequest(Community c, String requester) {
        store.pull(c.iri(), "requests", requester);
        takeBack(c, requester, requester, joinRequests.withdrawn(c.iri(), requester));
    }

    /**
     * A join request ended (withdrawn, approved, declined, closed because its requester left the company, or answered
     * by the requester joining by invitation): every owner and moderator its Offer notified is told by an {@code Undo}
     * of that Offer, which takes their "X asks to join" back ({@code notification.WithdrawnJoinRequests}), so nobody
     * keeps an action for a request that no longer exists. The Undo's {@code actor} is who ended it (the requester, or
     * the deciding manager), its {@code object} the Offer ({@code id}, {@code published}, {@code attributedTo} the
     * requester, {@code context} the community, so that it is keyed, hence ordered, with the Offer), {@code target} the
     * community, {@code to} the people the Offer was addressed to. Nothing is published for a request not remembered
     * open (sent before {@code join_requests} existed, or already ended by a concurrent call), nor without an Offer.
     */
    private void takeBack(Community c, String requester, String endedBy, Optional<JoinRequests.Sent> sent) {
        if (sent.isEmpty() || sent.get().offer() == null || sent.get().to().isEmpty()) return;
        AsObject offer = AsObject.builder().id(sent.get().offer()).type(As2.OFFER).published(sent.get().at())
                .attributedTo(requester).context(c.iri()).build();
        outbox.append(Activity.builder().type(As2.UNDO).actor(endedBy).object(offer).target(c.iri())
                .to(sent.get().to()).build());
    }

    /**
     * Bulk import (HR provisioning, benchmarks): admins, owners and moderators add many people at once
     * (only owners and admins add moderators). A fixed number of round trips whatever the list's size:
     * see {@link MembershipService#putAll}; then at most one write to the community document (pending
     * requests and invitations of the new members, the moderators list) and one bulk append of a
     * {@code Join} per new member, the same activity every other path publishes; and, per new member whose join
     * request was pending (at most {@value #MAX_PENDING}), one write forgetting it and the take-back of its
     * notifications ({@link #takeBack}). Existing members are counted and left as they are; people at their community
     * limit are refused one by one.
     */
    public CommunityView.Import importMembers(String slug, CommunityRequests.MemberImport request, CurrentPerson me) {
        Role role = request.roleOrDefault();
        List<String> persons = persons(request.logins());
        Community c = visible(slug, me);
        if (!me.isAdmin()) {
            Role mine = requireModerator(c, me);
            if (role == Role.MODERATOR && mine != Role.OWNER) {
                throw ProblemException.forbidden("only owners of " + slug + " and admins add moderators");
            }
        }
        c.requireWritable();
        refuseUnknown(request.logins(), persons);

        MembershipService.BulkPut put = memberships.putAll(c.iri(), persons, role);

        List<Bson> updates = new ArrayList<>();
        List<String> nowMembers = new ArrayList<>(put.added());
        nowMembers.addAll(put.alreadyMembers());
        List<String> requests = pendingAmong(c.requests(), nowMembers);
        List<String> invitations = pendingAmong(c.invitations(), nowMembers);
        if (!requests.isEmpty()) updates.add(Updates.pullAll("requests", requests));
        if (!invitations.isEmpty()) updates.add(Updates.pullAll("invitations", invitations));
        if (role == Role.MODERATOR && !put.added().isEmpty()) updates.add(Updates.addEachToSet("moderators", put.added()));
        if (!updates.isEmpty()) store.update(c.iri(), Updates.combine(updates));
        // an imported requester's request is answered by membership, as by an approval: forgotten (they may ask again
        // once they leave) and taken back from the managers it notified
        for (String requester : requests) takeBack(c, requester, me.iri(), joinRequests.forget(c.iri(), requester));

        List<OutboxRecord> joins = new ArrayList<>(put.added().size());
        for (String member : put.added()) {
            Activity activity = join(member, c, role);
            ActivityValidator.requireValid(activity);
            joins.add(OutboxRecord.activity(activity, outboxSource));
        }
        outbox.appendAll(joins);
        if (put.failure() != null) throw put.failure();

        String reason = "already belongs to " + memberships.communityLimit() + " communities, the most a person may join";
        List<CommunityView.Refusal> refused = put.atLimit().stream()
                .map(p -> new CommunityView.Refusal(Iri.localId(p), reason)).toList();
        return new CommunityView.Import(put.added().size(), put.alreadyMembers().size(), put.memberCount(), refused);
    }

    public List<PersonSummary> requests(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        requireModerator(c, me);
        return c.requests().stream().map(profiles::displayOf).toList();
    }

    /**
     * Owners and moderators let a requester in; 409 while the community is archived (the request stays pending). Someone
     * who has left the company since asking (their {@code relais.profiles} status {@code left}, believed only from
     * profile-service) is not let in: 400 naming {@code login}, as for an invitation, and their request ends. Either
     * way every manager's notification of the request is taken back.
     */
    public void approve(String slug, String login, CurrentPerson me) {
        Community c = visible(slug, me);
        requireModerator(c, me);
        c.requireWritable();
        String requester = person(login);
        if (!c.requests().contains(requester)) throw ProblemException.notFound("join request of " + login);
        store.pull(c.iri(), "requests", requester);
        if (KnownPeople.LEFT.equals(knownPeople.statusesOf(List.of(requester)).get(requester))) {
            // someone who left the company is not let in, as they are not invited: their request ends unanswered
            takeBack(c, requester, me.iri(), joinRequests.closed(c.iri(), requester));
            throw ProblemException.invalid("login", hasLeft(login));
        }
        Optional<JoinRequests.Sent> sent = joinRequests.forget(c.iri(), requester); // a member who leaves may ask again at once
        outbox.append(Activity.builder().type(As2.ACCEPT).actor(me.iri()).object(AsObject.ref(requester))
                .target(c.iri()).to(requester).build());
        takeBack(c, requester, me.iri(), sent);
        becomeMember(c, requester, Role.MEMBER);
    }

    /**
     * Owners and moderators turn a request down; 409 while the community is archived: its join-request decisions are
     * frozen with it (the requester may still withdraw, by leaving).
     */
    public void reject(String slug, String login, CurrentPerson me) {
        Community c = visible(slug, me);
        requireModerator(c, me);
        c.requireWritable();
        String requester = person(login);
        if (!c.requests().contains(requester)) throw ProblemException.notFound("join request of " + login);
        store.pull(c.iri(), "requests", requester);
        // the interval still runs: a refused person does not ask again at once
        Optional<JoinRequests.Sent> sent = joinRequests.closed(c.iri(), requester);
        outbox.append(Activity.builder().type(As2.REJECT).actor(me.iri()).object(AsObject.ref(requester))
                .target(c.iri()).to(requester).build());
        takeBack(c, requester, me.iri(), sent);
    }

    /** Moderators invite; in public and private communities members may invite too. */
    public void invite(String slug, String login, CurrentPerson me) {
        Community c = visible(slug, me);
        Role myRole = memberships.roleIn(me.iri(), c.iri()).orElseThrow(() -> c.contentVisibleTo(memberships.viewerOf(me))
                ? ProblemException.forbidden("only members invite to " + slug) : ProblemException.notFound("community " + slug));
        if (c.visibility() == Visibility.SECRET && !myRole.moderates()) {
            throw ProblemException.forbidden("only owners and moderators invite to a secret community");
        }
        c.requireWritable();
        String invitee = person(login);
        String status = knownPeople.statusesOf(List.of(invitee)).get(invitee);
        if (status == null) throw ProblemException.invalid("login", "'" + login + "' is not a known person");
        if (KnownPeople.LEFT.equals(status)) throw ProblemException.invalid("login", hasLeft(login));
        if (memberships.roleIn(invitee, c.iri()).isPresent()) {
            throw ProblemException.conflict(login + " is already a member");
        }
        if (!c.invitations().contains(invitee)) {
            requireRoom(c.invitations());
            store.addToSet(c.iri(), "invitations", invitee);
            outbox.append(Activity.builder().type(As2.INVITE).actor(me.iri()).object(AsObject.ref(invitee))
                    .target(c.iri()).to(invitee).build());
        }
    }

    /** The invitee becomes a member; 404 without a pending invitation; 409 while archived (joining); declining stays open. */
    public void acceptInvitation(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        if (!c.invitations().contains(me.iri())) throw ProblemException.notFound("invitation to " + slug);
        c.requireWritable();
        becomeMember(c, me.iri(), Role.MEMBER);
    }

    public void declineInvitation(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        if (!c.invitations().contains(me.iri())) throw ProblemException.notFound("invitation to " + slug);
        store.pull(c.iri(), "invitations", me.iri());
    }

    /**
     * The people invited and not yet answered, for the community's owners and moderators (403 for anyone else who can
     * see it): the list they review when the {@value #MAX_PENDING} pending invitations are reached.
     */
    public List<PersonSummary> invitations(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        requireModerator(c, me);
        return c.invitations().stream().map(profiles::displayOf).toList();
    }

    /**
     * An owner or moderator takes an invitation back (sent by mistake, or one of many filling the pending list): the
     * person no longer sees the community as invited and can no longer accept (404 then). 404 naming the login when no
     * invitation of theirs is pending. Nothing is published, as for a declined invitation: the invitation lives in the
     * community document only.
     */
    public void withdrawInvitation(String slug, String login, CurrentPerson me) {
        Community c = visible(slug, me);
        requireModerator(c, me);
        String invitee = person(login);
        if (!c.invitations().contains(invitee)) throw ProblemException.notFound("invitation of " + login);
        store.pull(c.iri(), "invitations", invitee);
    }

    /**
     * Leaving (or withdrawing a pending request) stays possible in an archived community; the last owner stays (409
     * saying what to do: make someone else owner first, or, as an archived community's roles are frozen, unarchive it
     * first).
     */
    public void leave(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        Optional<Role> role = memberships.roleIn(me.iri(), c.iri());
        if (role.isEmpty()) {
            if (c.requests().contains(me.iri())) withdrawRequest(c, me.iri()); // leaving withdraws a pending request
            return;
        }
        if (role.get() == Role.OWNER && memberships.ownersOf(c.iri()).size() <= 1) {
            throw ProblemException.conflict(c.archived()
                    ? "the last owner cannot leave an archived community, whose roles are frozen: unarchive it first,"
                    + " then make someone else owner"
                    : "the last owner cannot leave; make someone else owner first");
        }
        memberships.remove(me.iri(), c.iri(), leaveActivity(me.iri(), c, null));
    }

    /**
     * An erased person leaves every community they belonged to (each Leave on the log, by them), and their pending
     * requests and invitations go; a community whose last owner they were keeps its moderators and an admin assigns
     * a new owner. Repeatable.
     *
     * @return how many memberships ended
     */
    public int forget(String personIri) {
        int left = 0;
        for (String communityIri : memberships.communitiesOf(personIri)) {
            Optional<Community> c = store.find(communityIri);
            if (memberships.remove(personIri, communityIri, c.map(community -> leaveActivity(personIri, community, null))
                    .orElse(null))) {
                left++;
            }
        }
        return left;
    }

    /**
     * Moderators remove members; only owners remove moderators and owners. Also in an archived community: access must
     * always be revocable.
     */
    public void remove(String slug, String login, CurrentPerson me) {
        Community c = visible(slug, me);
        Role myRole = requireModerator(c, me);
        String member = person(login);
        Role theirs = memberships.roleIn(member, c.iri()).orElseThrow(() -> ProblemException.notFound("member " + login));
        if (theirs.moderates() && myRole != Role.OWNER) {
            throw ProblemException.forbidden("only owners remove owners and moderators");
        }
        if (theirs == Role.OWNER && memberships.ownersOf(c.iri()).size() <= 1) {
            throw ProblemException.conflict("the last owner cannot be removed");
        }
        memberships.remove(member, c.iri(), leaveActivity(member, c, member.equals(me.iri()) ? null : me.iri()));
    }

    /** Owners set a member's role; 403 for others; 409 while the community is archived (its roles are frozen with it). */
    public void changeRole(String slug, String login, Role role, CurrentPerson me) {
        Community c = visible(slug, me);
        requireRole(c, me, Role.OWNER);
        c.requireWritable();
        String member = person(login);
        Role theirs = memberships.roleIn(member, c.iri()).orElseThrow(() -> ProblemException.notFound("member " + login));
        if (theirs == role) return;
        if (theirs == Role.OWNER && memberships.ownersOf(c.iri()).size() <= 1) {
            throw ProblemException.conflict("the last owner cannot step down; make someone else owner first");
        }
        memberships.put(member, c.iri(), role, isNew -> join(member, c, role));
    }

    /**
     * Members and their roles. Who belongs to a community follows its content: everyone for a public one;
     * for a private one its members (owners and moderators are members) and the organisation's
     * {@code community-manager}s and {@code admin}s; a secret one is unknown to outsiders. Anyone else gets
     * the same 404 as for the community's feed, so the answer tells nothing the feed does not.
     */
    public CommunityView.Members members(String slug, CurrentPerson me) {
        Community c = visible(slug, me);
        if (!membersVisibleTo(c, me)) throw ProblemException.notFound("community " + slug);
        List<String> iris = memberships.memberIris(c.iri());
        Map<String, Role> roles = memberships.rolesIn(c.iri(), iris);
        Map<String, PersonSummary> people = profiles.displaysOf(iris);
        List<CommunityView.Member> list = new ArrayList<>();
        for (String iri : iris) {
            Role r = roles.get(iri);
            if (r != null) list.add(new CommunityView.Member(people.get(iri), r.wire()));
        }
        return new CommunityView.Members(c.iri(), list.size(), list);
    }

    /**
     * Whether this person may list the members of a community they can already see (see {@link #members}): those who
     * see its content (members; anyone for a public one), and for a private one community managers and admins. The same
     * rule holds for its followers ({@code FollowService#followers}): only members follow a private or secret community.
     */
    public boolean membersVisibleTo(Community c, CurrentPerson me) {
        if (c.contentVisibleTo(memberships.viewerOf(me))) return true;
        return c.visibility() == Visibility.PRIVATE && (me.isAdmin() || me.isCommunityManager());
    }

    /**
     * 400 naming {@code name} when it has no letter or digit; 409 naming {@code name} when another community the
     * person may see ({@link Community#visibleTo}) has the same name (as {@link CommunityNames#key} compares them):
     * every public and private one, as creators and owners are employees, and the secret ones they belong to or are
     * invited to. A secret community they may not see does not count, as its name would tell them it exists: two
     * communities share a name only when one of them is secret and unseen by whoever named the other (its members
     * then see both). {@link #claimName} then makes the rule hold among open communities under concurrent requests.
     */
    private void requireNameFree(String name, String self, Viewer viewer) {
        String key = CommunityNames.key(name);
        if (key.isEmpty()) throw ProblemException.invalid("name", "must contain a letter or a digit");
        if (store.withNameKey(key).stream().anyMatch(c -> !c.iri().equals(self) && c.visibleTo(viewer))) {
            throw nameTaken(name);
        }
    }

    /**
     * Claims an open community's name for {@code iri} ({@link CommunityNames}), or answers 409 naming {@code name}
     * (400 when it has no letter or digit). The holder is not named: the answer names only what the caller sent.
     */
    private void claimName(String name, String iri) {
        if (CommunityNames.key(name).isEmpty()) throw ProblemException.invalid("name", "must contain a letter or a digit");
        if (!names.claim(name, iri)) throw nameTaken(name);
    }

    private static ProblemException nameTaken(String name) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict",
                "name '" + name + "' is already used by another community; choose another name")
                .withErrors(List.of(new Violation("name", "must differ from the name of every other community you can "
                        + "see (compared ignoring case, accents, spaces and punctuation)"))));
    }

    /** The viewer's role, or 403 (they can see the community but may not do this). */
    Role requireModerator(Community c, CurrentPerson me) {
        Role r = memberships.roleIn(me.iri(), c.iri())
                .orElseThrow(() -> ProblemException.forbidden("only owners and moderators of " + c.slug() + " may do this"));
        if (!r.moderates()) throw ProblemException.forbidden("only owners and moderators of " + c.slug() + " may do this");
        return r;
    }

    void requireRole(Community c, CurrentPerson me, Role needed) {
        Role r = memberships.roleIn(me.iri(), c.iri()).orElse(null);
        if (r != needed) throw ProblemException.forbidden("only " + needed.wire() + "s of " + c.slug() + " may do this");
    }

    private void becomeMember(Community c, String person, Role role) {
        // answered by joining (by invitation, or a community made public): the managers' notifications of it go too;
        // after an approval the request is already forgotten and nothing is published twice
        if (c.requests().contains(person)) takeBack(c, person, person, joinRequests.forget(c.iri(), person));
        store.pull(c.iri(), "requests", person);
        store.pull(c.iri(), "invitations", person);
        memberships.put(person, c.iri(), role, isNew -> isNew ? join(person, c, role) : null);
    }

    private static void requireRoom(List<String> pending) {
        if (pending.size() >= MAX_PENDING) {
            throw ProblemException.conflict("too many pending requests or invitations; ask a moderator to review them");
        }
    }

    /**
     * A member import names only people profile-service knows (the {@code profiles} read model) and who have not left
     * the company (their profile's status, as profile-service last published it): every unknown login and every
     * leaver is refused in one 400 whose {@code errors} name each of them ({@code logins[i]}), before any membership
     * is written.
     */
    private void refuseUnknown(List<String> logins, List<String> persons) {
        Map<String, String> statuses = knownPeople.statusesOf(persons);
        if (statuses.size() == persons.size() && !statuses.containsValue(KnownPeople.LEFT)) return;
        List<Violation> refused = new ArrayList<>();
        for (int i = 0; i < logins.size(); i++) {
            String status = statuses.get(Iri.person(logins.get(i)));
            if (status == null) refused.add(new Violation("logins[" + i + "]", "'" + logins.get(i) + "' is not a known person"));
            else if (KnownPeople.LEFT.equals(status)) refused.add(new Violation("logins[" + i + "]", hasLeft(logins.get(i))));
        }
        throw ProblemException.invalid(refused);
    }

    /** The rule a leaver breaks: only people still in the company join a community. */
    private static String hasLeft(String login) {
        return "'" + login + "' has left the company: only current employees are invited to or added to a community";
    }

    /** Person IRIs of a list of logins, duplicates (also by case) collapsed; 400 naming the entry otherwise. */
    private static List<String> persons(List<String> logins) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < logins.size(); i++) {
            try {
                out.add(Iri.person(logins.get(i)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("logins[" + i + "]", "must be a login");
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> pendingAmong(List<String> pending, List<String> people) {
        if (pending.isEmpty()) return List.of();
        Set<String> set = new HashSet<>(pending);
        return people.stream().filter(set::contains).toList();
    }

    private static String person(String login) {
        try {
            return Iri.person(login);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("login", "must be a login");
        }
    }

    static boolean validSlug(String slug) {
        return slug != null && slug.matches("[a-z0-9][a-z0-9-]{1,48}[a-z0-9]");
    }

    static Activity groupActivity(String type, Community c, String actor) {
        Map<String, Object> ext = new HashMap<>();
        ext.put("visibility", c.visibility().wire());
        ext.put("archived", c.archived());
        ext.put("slug", c.slug());
        AsObject group = AsObject.builder().id(c.iri()).type(As2.GROUP).name(c.name())
                .summary(c.description() == null || c.description().isBlank() ? null : c.description())
                .to(c.groupAudience()).published(c.created()).relais(ext).build();
        return Activity.builder().type(type).actor(actor).object(group).to(c.groupAudience()).build();
    }

    static Activity join(String member, Community c, Role role) {
        return Activity.builder().type(As2.JOIN).actor(member).object(AsObject.ref(c.iri())).to(c.iri())
                .relais(Map.of("role", role.wire())).build();
    }

    static Activity leaveActivity(String member, Community c, String by) {
        Activity.Builder b = Activity.builder().type(As2.LEAVE).actor(member).object(AsObject.ref(c.iri())).to(c.iri());
        if (by != null) b.relais(Map.of("by", by));
        return b.build();
    }
}
