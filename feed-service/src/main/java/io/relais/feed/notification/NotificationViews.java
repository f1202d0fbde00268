package io.relais.feed.notification;

import io.relais.events.Iri;
import io.relais.events.TextHygiene;
import io.relais.events.Viewer;
import io.relais.feed.community.Community;
import io.relais.feed.community.CommunityStore;
import io.relais.feed.community.MembershipService;
import io.relais.feed.profile.PersonSummary;
import io.relais.feed.profile.ProfileDirectory;
import io.relais.feed.thread.Comment;
import io.relais.feed.thread.CommentStore;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.PostStore;
import io.relais.feed.thread.ThreadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stored notifications to API shapes, with the actors' display data and their context (excerpt, community name,
 * sending system) — a few keyed reads for a whole page: actors, root posts, comments, communities. The context is
 * given only for what the reader may see now, under the same rules as the thread ({@link ThreadAccess#visible}, a
 * comment moderation hides from them, a deleted one) and the community directory ({@link Community#visibleTo}).
 * A community the reader may not know exists (a secret one they left, were removed from, or whose invitation was
 * withdrawn) is not named at all: its IRI carries its slug, itself confidential, so {@code community} is left out, no
 * {@code object} or {@code post} that is its IRI is given, and a moderation notice there is voiced by
 * {@link NotificationPlanner#ORGANISATION_MODERATION} rather than by the community ({@link #shown}). Whether the
 * reader may still open what it is about at all is its {@code available} ({@link #available}). An HR card HR named
 * by login only is titled with the person's display name ({@link #personNamed}).
 */
@ApplicationScoped
public class NotificationViews {

    @Inject
    ProfileDirectory profiles;

    @Inject
    PostStore posts;

    @Inject
    CommentStore comments;

    @Inject
    CommunityStore communities;

    @Inject
    MembershipService memberships;

    /** A page of one reader's notifications, each with the context that reader may see. */
    public List<NotificationView> of(List<Notification> notifications, Viewer viewer) {
        Set<String> actors = new LinkedHashSet<>();
        Set<String> roots = new LinkedHashSet<>();
        List<String> commentIris = new ArrayList<>();
        Set<String> communityIris = new LinkedHashSet<>();
        for (Notification n : notifications) {
            if (!NotificationPlanner.isModerationNotice(n)) actors.add(n.actor());
            if (n.post() != null) roots.add(n.post());
            if (n.object() != null && Iri.isValid(n.object()) && Iri.isKind(n.object(), Iri.COMMENT)) commentIris.add(n.object());
            if (n.community() != null) communityIris.add(n.community());
            if (isCommunity(n.object())) communityIris.add(n.object());
            if (isCommunity(n.post())) communityIris.add(n.post());
        }
        Map<String, PersonSummary> display = profiles.displaysOf(actors);
        Map<String, Post> visiblePosts = new HashMap<>();
        posts.findAll(roots).forEach((iri, p) -> {
            if (ThreadAccess.visible(p, viewer)) visiblePosts.put(iri, p);
        });
        Set<String> hrPeople = new LinkedHashSet<>(); // whom an HR card names by login only (see personNamed)
        visiblePosts.values().forEach(p -> { if (p.isCard()) hrLoginOnly(p.card()).ifPresent(hrPeople::add); });
        Map<String, PersonSummary> hrNames = hrPeople.isEmpty() ? Map.of() : profiles.displaysOf(hrPeople);
        Map<String, Comment> visibleComments = new HashMap<>();
        for (Comment c : comments.load(commentIris.stream().distinct().toList())) {
            if (!c.deleted() && !c.hiddenFrom(viewer.person()) && visiblePosts.containsKey(c.post())) visibleComments.put(c.iri(), c);
        }
        Map<String, String> communityNames = new HashMap<>(); // the communities the reader may know exist, by IRI
        for (Community c : communities.findAll(communityIris)) {
            if (c.visibleTo(viewer)) communityNames.put(c.iri(), c.name());
        }
        Set<String> known = communityNames.keySet();
        List<NotificationView> out = new ArrayList<>();
        for (Notification n : notifications) {
            String community = shown(n.community(), known);
            PersonSummary actor;
            if (NotificationPlanner.isModerationNotice(n)) {
                // never the moderator, also for notices stored before that rule: the community when the reader may
                // know it exists, else (as for an organisation-wide item) the organisation's moderation
                String voice = NotificationPlanner.moderationVoice(community);
                actor = new PersonSummary(voice, null, communityNames.get(voice), null, null);
            } else {
                actor = display.get(n.actor()) != null ? display.get(n.actor()) : profiles.displayOf(n.actor());
            }
            Post root = n.post() == null ? null : visiblePosts.get(n.post());
            Comment comment = n.object() == null ? null : visibleComments.get(n.object());
            String excerpt = null;
            String sender = null;
            Map<String, String> title = null;
            if (comment != null) {
                excerpt = Excerpts.of(comment.content());
            } else if (root != null && root.isCard()) {
                sender = root.card().systemName() != null ? root.card().systemName() : root.card().system();
                title = titles(personNamed(root.card(), hrNames));
            } else if (root != null) {
                excerpt = Excerpts.of(root.content());
            }
            out.add(new NotificationView(n.id(), n.kind(), actor,
                    shown(n.object(), known), shown(n.post(), known), community, n.detail(), Instant.ofEpochMilli(n.time()),
                    n.read(), excerpt == null || excerpt.isEmpty() ? null : excerpt, communityNames.get(community), sender, title,
                    available(n, root, comment, known)));
        }
        return out;
    }

    /** Notifications of one recipient (the live push), each with the context they may see; none gives none. */
    public List<NotificationView> ofRecipient(String recipient, List<Notification> notifications) {
        return notifications.isEmpty() ? List.of() : of(notifications, memberships.viewerOf(recipient));
    }

    /** One notification for its recipient (the live push), with the context they may see. */
    public NotificationView of(Notification n) {
        return of(List.of(n), memberships.viewerOf(n.recipient())).get(0);
    }

    /**
     * Whether the reader may still open what the notification is about, under the same rules as its context: the
     * post or card it names is one they may see ({@code root}, null when not), the comment it names one they may see
     * ({@code comment}), and any community it names one they may know exists. A notification naming none of these
     * (none today) is available: there is nothing it could lead to that is gone.
     */
    static boolean available(Notification n, Post root, Comment comment, Set<String> known) {
        if (n.post() != null && !isCommunity(n.post()) && root == null) return false;
        if (n.object() != null && Iri.isValid(n.object()) && Iri.isKind(n.object(), Iri.COMMENT) && comment == null) return false;
        for (String iri : new String[]{n.community(), n.object(), n.post()}) {
            if (isCommunity(iri) && !known.contains(iri)) return false;
        }
        return true;
    }

    /**
     * The IRI as the reader may be given it: null when it names a community they may not know exists (or one no longer
     * stored: deny by default), since a community's IRI carries its slug; any other IRI as it is.
     *
     * @param known the IRIs of the communities the reader may know exist ({@link Community#visibleTo})
     */
    static String shown(String iri, Set<String> known) {
        return isCommunity(iri) && !known.contains(iri) ? null : iri;
    }

    private static boolean isCommunity(String iri) {
        return iri != null && Iri.isKind(iri, Iri.COMMUNITY);
    }

    /**
     * The person an HR card is about when HR sent only their login ({@code data.login} without {@code data.displayName}:
     * employee.left and .moved require none), whose title the connector then wrote with the login ("Farewell bob").
     */
    static Optional<String> hrLoginOnly(Post.Card card) {
        if (card == null || !"hr".equals(card.source()) || card.data() == null) return Optional.empty();
        if (card.data().get("displayName") instanceof String name && !name.isBlank()) return Optional.empty();
        if (!(card.data().get("login") instanceof String login) || !LOGIN.matcher(login).matches()) return Optional.empty();
        return Optional.of(Iri.person(login));
    }

    /**
     * An HR card's title with the person it names by login only ({@link #hrLoginOnly}) named by the display name
     * profile-service gave (the profiles read model), the login replaced where it stands as a word; the title as stored
     * otherwise (no such person, or no name but the login known).
     */
    static Map<String, String> personNamed(Post.Card card, Map<String, PersonSummary> names) {
        Optional<String> person = hrLoginOnly(card);
        PersonSummary named = person.map(names::get).orElse(null);
        if (named == null || named.displayName() == null || named.displayName().isBlank()) return card.title();
        String login = Iri.localId(person.get());
        if (named.displayName().equals(login) || card.title() == null) return card.title();
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}._-])" + Pattern.quote(login) + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])");
        Map<String, String> out = new LinkedHashMap<>();
        card.title().forEach((lang, text) -> out.put(lang, text == null ? null
                : word.matcher(text).replaceAll(Matcher.quoteReplacement(named.displayName()))));
        return out;
    }

    /** A login as HR mappings give it (the HR schemas' pattern). */
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** A card's title by language as plain one-line text, each cut like an excerpt; null when it has none. */
    private static Map<String, String> titles(Map<String, String> byLanguage) {
        if (byLanguage == null || byLanguage.isEmpty()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        byLanguage.forEach((lang, text) -> {
            String line = text == null ? "" : Excerpts.cut(TextHygiene.line(text), Excerpts.MAX);
            if (!line.isBlank()) out.put(lang, line);
        });
        return out.isEmpty() ? null : out;
    }
}
