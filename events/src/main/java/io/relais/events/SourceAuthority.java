package io.relais.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which producer may assert which facts: every consumer believes a fact only from the producer that owns
 * it, read from the CloudEvents {@code source} of the record ({@link Producer}). This is the one table;
 * consumers call {@link #check} (through service-kit's {@code SourceCheck}) and dead-letter a refused
 * record with the reason, which names the rule.
 *
 * <table>
 *   <caption>What each producer may assert</caption>
 *   <tr><th>fact</th><th>activities</th><th>who may assert it</th></tr>
 *   <tr><td>{@link Fact#MEMBERSHIP}</td><td>Join, Leave, Invite, Accept, Reject, Offer of a community (join request)</td>
 *       <td>feed-service</td></tr>
 *   <tr><td>{@link Fact#COMMUNITY_SETTINGS}</td><td>Create/Update/Delete of a Group (community IRI); Add/Remove
 *       with a community target (pins)</td><td>feed-service</td></tr>
 *   <tr><td>{@link Fact#SOCIAL_GRAPH}</td><td>Follow, Block, and their Undo</td><td>feed-service</td></tr>
 *   <tr><td>{@link Fact#CONTENT}</td><td>Create/Update/Delete of posts, comments and any other object;
 *       Announce; Add/Remove/Offer of an object</td>
 *       <td>feed-service; a connector for objects in its own namespace {@code <type>.<system>}
 *       ({@code urn:relais:external:<type>.<system>:…}, {@code urn:relais:document:<type>.<system>:…})</td></tr>
 *   <tr><td>{@link Fact#REACTION}</td><td>Like, and Undo of a Like</td>
 *       <td>feed-service; a connector for objects in its own namespace</td></tr>
 *   <tr><td>{@link Fact#MODERATION}</td><td>Flag (a report); any activity carrying {@code relais.moderation} on
 *       itself or its object (hide, restore, remove, a held post)</td><td>feed-service</td></tr>
 *   <tr><td>{@link Fact#READING}</td><td>View (a person opened a post, an announcement or a card)</td>
 *       <td>feed-service</td></tr>
 *   <tr><td>{@link Fact#PERSON}</td><td>Create/Update of a Person (person IRI), profile snapshots on
 *       {@code relais.profiles}</td><td>profile-service; the {@code hr} connector</td></tr>
 *   <tr><td>{@link Fact#ERASURE}</td><td>Delete of a Person (an erasure on request, issue 15, or a SCIM erasure;
 *       see {@link PersonErasure})</td><td>profile-service</td></tr>
 *   <tr><td>{@link Fact#HR_FACT}</td><td>anything carrying {@code relais.business} with {@code source: hr}
 *       ({@code employee.hired}, {@code .moved}, {@code .left}, {@code .anniversary})</td>
 *       <td>profile-service; the {@code hr} connector</td></tr>
 *   <tr><td>{@link Fact#ACCEPTED_HR_CARD}</td><td>a Create or Update of an HR card ({@code employee.hired},
 *       {@code .moved}, {@code .left}, {@code .anniversary}) with {@code relais.acceptedBy}: profile-service applied it
 *       to a visible person, show it ({@link HrAcceptance})</td>
 *       <td>profile-service</td></tr>
 *   <tr><td>{@link Fact#BUSINESS_CARD}</td><td>Create/Update carrying {@code relais.business} of another source
 *       (CRM deals, ECM documents, generic events)</td>
 *       <td>the connector whose {@code <type>} is that {@code relais.business.source} and whose {@code <system>} is
 *       its {@code relais.business.system} (when it names one: the system a card is shown from); a document card
 *       ({@code urn:relais:document:<type>.<system>:…}) or external object only from the connector of that
 *       system</td></tr>
 * </table>
 * A connector's activity must moreover name, if it names one, a generator of its own
 * ({@code urn:relais:source:<type>.<system>}, or the bare {@code <type>}; never another system of its type), and an external object or document IRI must be in its own namespace
 * ({@link Producer#owns}): two systems of one source type (two document systems, say) may use the same ids, and
 * neither may rewrite the other's cards. A document IRI of the former shape, without a namespace
 * ({@code urn:relais:document:DOC-42}), is no connector's.
 * A record without a {@code source}, or with one that is none of the known producers, asserts nothing.
 * <p>
 * The inventory this was written from (issue 12): feed-service's outbox appends (posts, comments, edits,
 * tombstones, likes, undo, follows, community Create/Update, Join/Leave, Invite, Offer join requests,
 * Accept/Reject, Add/Remove pins), profile-service's snapshots and tombstones on {@code relais.profiles},
 * connector-service's mapping templates (Create/Update of Event and Document cards with
 * {@code relais.business} for {@code crm}, {@code ecm}, {@code hr}) and the generic connector (AS2
 * activities on objects it names itself). Seeds and the bench go through these services' APIs.
 */
public final class SourceAuthority {

    /** A kind of fact an activity asserts; {@link #owners} is the row of the table. */
    public enum Fact {
        MEMBERSHIP("memberships", Grant.FEED_SERVICE),
        COMMUNITY_SETTINGS("community settings", Grant.FEED_SERVICE),
        SOCIAL_GRAPH("follows and blocks", Grant.FEED_SERVICE),
        CONTENT("posts, comments and other objects", Grant.FEED_SERVICE, Grant.CONNECTOR_OWN_NAMESPACE),
        REACTION("reactions", Grant.FEED_SERVICE, Grant.CONNECTOR_OWN_NAMESPACE),
        MODERATION("reports and moderation decisions", Grant.FEED_SERVICE),
        /** Who opened what: only feed-service, which serves the items, knows it (issue 15, reach). */
        READING("opens of posts, announcements and cards", Grant.FEED_SERVICE),
        PERSON("people", Grant.PROFILE_SERVICE, Grant.HR_CONNECTOR),
        ERASURE("erasures of people", Grant.PROFILE_SERVICE),
        HR_FACT("HR facts", Grant.PROFILE_SERVICE, Grant.HR_CONNECTOR),
        /** That profile-service applied an HR event to a visible person, so its card is shown ({@link HrAcceptance#isAccepted}). */
        ACCEPTED_HR_CARD("accepted HR cards", Grant.PROFILE_SERVICE),
        BUSINESS_CARD("business cards", Grant.CONNECTOR_OF_CARD_SOURCE);

        private final String label;
        private final Set<Grant> owners;

        Fact(String label, Grant... owners) {
            this.label = label;
            this.owners = EnumSet.copyOf(Arrays.asList(owners));
        }

        /** Plural noun phrase used in refusals ("memberships are owned by …"). */
        public String label() {
            return label;
        }

        /** The producers that may assert this fact. */
        public Set<Grant> owners() {
            return owners;
        }
    }

    /** Who a fact is granted to. */
    public enum Grant {
        FEED_SERVICE(CloudEventAttributes.FEED_SOURCE),
        PROFILE_SERVICE(CloudEventAttributes.PROFILE_SOURCE),
        HR_CONNECTOR("/connectors/hr/<system>, naming no other system in relais.business.system"),
        CONNECTOR_OWN_NAMESPACE("a connector, for objects in its own namespace urn:relais:external:<type>.<system>:… "
                + "or urn:relais:document:<type>.<system>:…"),
        CONNECTOR_OF_CARD_SOURCE("the connector /connectors/<relais.business.source>/<relais.business.system>, a "
                + "document or external object only in its own namespace");

        private final String description;

        Grant(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The {@code relais.business.source} that marks an HR fact. */
    public static final String HR_SOURCE = "hr";

    private static final Set<String> MEMBERSHIP_TYPES = Set.of(As2.JOIN, As2.LEAVE, As2.INVITE, As2.ACCEPT, As2.REJECT);
    private static final Set<String> SOCIAL_TYPES = Set.of(As2.FOLLOW, As2.BLOCK);

    private SourceAuthority() {
    }

    /**
     * Whether the producer named by {@code ceSource} may assert this activity.
     *
     * @param ceSource the record's CloudEvents {@code source} ({@code ce_source} header); null when absent
     * @param activity a parsed, valid activity
     * @return empty when allowed; else the refusal, naming the producer, the activity and the rule, e.g.
     * "source /connectors/generic/x may not assert Join: memberships are owned by /relais/feed-service"
     */
    public static Optional<String> check(String ceSource, Activity activity) {
        Optional<Producer> producer = Producer.of(ceSource);
        if (producer.isEmpty()) return Optional.of(unknown(ceSource));
        Producer p = producer.get();
        Set<Fact> facts = factsOf(activity);
        for (Fact fact : facts) {
            if (fact.owners().stream().noneMatch(g -> grants(g, p, activity))) {
                return Optional.of("source " + p.source() + " may not assert " + describe(activity) + ": " + fact.label()
                        + " are owned by " + owners(fact) + namespaceHint(p, activity, fact));
            }
        }
        if (p.isConnector() && activity.generator() != null && activity.generator().id() != null
                && !p.isGenerator(activity.generator().id())) {
            return Optional.of("source " + p.source() + " may not name the generator " + activity.generator().id()
                    + ": a connector's generator is urn:relais:source:" + p.sourceType() + "." + p.system());
        }
        return Optional.empty();
    }

    /**
     * Whether the producer may erase a person (a tombstone, null value, on the compacted {@code relais.profiles}
     * topic): a {@link Fact#PERSON} fact.
     */
    public static Optional<String> checkErasure(String ceSource) {
        Optional<Producer> producer = Producer.of(ceSource);
        if (producer.isEmpty()) return Optional.of(unknown(ceSource));
        Producer p = producer.get();
        if (p.kind() == Producer.Kind.PROFILE_SERVICE) return Optional.empty();
        return Optional.of("source " + p.source() + " may not erase a person: " + Fact.PERSON.label()
                + " are erased by " + CloudEventAttributes.PROFILE_SOURCE);
    }

    /**
     * The facts an activity asserts. A Create or Update carrying {@code relais.business} is a card (an HR fact
     * when its source is {@code hr}) rather than content; any other activity carrying it asserts the business
     * fact as well as its own, so a connector cannot slip an HR fact into, say, a Like.
     */
    public static Set<Fact> factsOf(Activity a) {
        Set<Fact> facts = EnumSet.noneOf(Fact.class);
        Set<String> businessSources = businessSources(a);
        Fact business = businessSources.isEmpty() ? null
                : businessSources.contains(HR_SOURCE) ? Fact.HR_FACT : Fact.BUSINESS_CARD;
        boolean createOrUpdate = As2.CREATE.equals(a.type()) || As2.UPDATE.equals(a.type());
        if (business != null) facts.add(business);
        if (HrAcceptance.isAccepted(a)) facts.add(Fact.ACCEPTED_HR_CARD);
        // a moderation state or decision rides on ordinary activities (a hide is an Update): it is a fact of its own
        if (RelaisExtension.of(a).moderation().isPresent() || RelaisExtension.of(a.object()).moderation().isPresent()) {
            facts.add(Fact.MODERATION);
        }
        if (!(createOrUpdate && business != null && !isCommunity(a.object()) && !isPerson(a.object()))) {
            facts.add(typeFact(a));
        }
        return facts;
    }

    /** The fact an activity asserts by its type and object alone. */
    static Fact typeFact(Activity a) {
        AsObject o = a.object();
        String type = a.type() == null ? "" : a.type();
        if (MEMBERSHIP_TYPES.contains(type)) return Fact.MEMBERSHIP;
        if (SOCIAL_TYPES.contains(type)) return Fact.SOCIAL_GRAPH;
        switch (type) {
            case As2.LIKE:
                return Fact.REACTION;
            case As2.FLAG:
                return Fact.MODERATION;
            case As2.VIEW:
                return Fact.READING;
            case As2.UNDO:
                return o != null && SOCIAL_TYPES.contains(o.type()) ? Fact.SOCIAL_GRAPH : Fact.REACTION;
            case As2.OFFER:
                return isCommunity(o) ? Fact.MEMBERSHIP : Fact.CONTENT;
            case As2.ADD:
            case As2.REMOVE:
                return Iri.isKind(a.target(), Iri.COMMUNITY) || isCommunity(o) ? Fact.COMMUNITY_SETTINGS : Fact.CONTENT;
            case As2.DELETE:
                if (isPerson(o)) return Fact.ERASURE;
                if (isCommunity(o)) return Fact.COMMUNITY_SETTINGS;
                return Fact.CONTENT;
            default:
                if (isCommunity(o)) return Fact.COMMUNITY_SETTINGS;
                if (isPerson(o)) return Fact.PERSON;
                return Fact.CONTENT;
        }
    }

    private static boolean grants(Grant g, Producer p, Activity a) {
        return switch (g) {
            case FEED_SERVICE -> p.kind() == Producer.Kind.FEED_SERVICE;
            case PROFILE_SERVICE -> p.kind() == Producer.Kind.PROFILE_SERVICE;
            case HR_CONNECTOR -> p.isConnector() && HR_SOURCE.equals(p.sourceType()) && namespacedIdsOwned(p, a)
                    && businessSources(a).stream().allMatch(HR_SOURCE::equals) && ownSystem(p, a);
            case CONNECTOR_OWN_NAMESPACE -> p.isConnector() && objectIds(a).stream().allMatch(p::owns)
                    && !objectIds(a).isEmpty();
            case CONNECTOR_OF_CARD_SOURCE -> p.isConnector() && namespacedIdsOwned(p, a)
                    && businessSources(a).stream().allMatch(p.sourceType()::equals) && ownSystem(p, a);
        };
    }

    /**
     * Whether every {@code relais.business.system} the activity carries is the connector's own system: a card names the
     * system it came from (shown with it, and kept as the card's system), which only that system's connector may say.
     */
    private static boolean ownSystem(Producer p, Activity a) {
        for (Map<String, Object> ext : Arrays.asList(a.relais(), a.object() == null ? null : a.object().relais())) {
            Optional<RelaisExtension.Business> business = RelaisExtension.of(ext).business();
            if (business.isPresent() && business.get().system() != null && !business.get().system().equals(p.system())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A connector may name Relais IRIs (a card's urn:relais:event:…), but an external object or a document only in its
     * own namespace: the document IRI names its system so that a second system of the same source, sending the same
     * document id, makes its own card instead of rewriting the first's.
     */
    private static boolean namespacedIdsOwned(Producer p, Activity a) {
        return objectIds(a).stream().filter(SourceAuthority::isNamespaced).allMatch(p::owns);
    }

    /** Whether a business system names this IRI in its namespace: an external object or a document. */
    private static boolean isNamespaced(String iri) {
        return Iri.isKind(iri, Iri.EXTERNAL) || Iri.isKind(iri, Iri.DOCUMENT);
    }

    /** The ids of what the activity acts on: its object, and for an Undo the undone activity's object too. */
    private static List<String> objectIds(Activity a) {
        List<String> ids = new ArrayList<>();
        if (a.object() != null && a.object().id() != null) ids.add(a.object().id());
        return ids;
    }

    /** Every {@code relais.business.source} the activity or its object carries ("?" for a business without one). */
    static Set<String> businessSources(Activity a) {
        Set<String> sources = new LinkedHashSet<>();
        for (Map<String, Object> ext : Arrays.asList(a.relais(), a.object() == null ? null : a.object().relais())) {
            RelaisExtension.of(ext).business().ifPresent(b -> sources.add(b.source() == null ? "?" : b.source()));
        }
        return sources;
    }

    private static boolean isCommunity(AsObject o) {
        return o != null && (As2.GROUP.equals(o.type()) || Iri.isKind(o.id(), Iri.COMMUNITY));
    }

    /** Whether this object is a person (its type, or a person IRI). */
    static boolean isPerson(AsObject o) {
        return o != null && (As2.PERSON.equals(o.type()) || Iri.isKind(o.id(), Iri.PERSON));
    }

    private static String describe(Activity a) {
        AsObject o = a.object();
        String what = o == null ? "" : o.type() != null ? " " + o.type() : o.id() != null ? " of " + o.id() : "";
        return a.type() + what;
    }

    private static String owners(Fact fact) {
        return fact.owners().stream().map(Grant::description).collect(Collectors.joining(" or "));
    }

    /**
     * What the connector got wrong: a card of another source names that source; a card of its own source, or content,
     * names the object outside its namespace, as {@code (<iri> is not in urn:relais:<kind>:<type>.<system>:…)}.
     */
    private static String namespaceHint(Producer p, Activity a, Fact fact) {
        if (!p.isConnector()) return "";
        String id = a.object() == null ? null : a.object().id();
        if (fact == Fact.BUSINESS_CARD || fact == Fact.HR_FACT) {
            Set<String> sources = businessSources(a);
            if (!sources.stream().allMatch(p.sourceType()::equals)) {
                return " (this card's relais.business.source is " + String.join(", ", sources) + ")";
            }
            return id != null && isNamespaced(id) && !p.owns(id) ? notInNamespace(p, id) : "";
        }
        if (fact.owners().contains(Grant.CONNECTOR_OWN_NAMESPACE) && id != null) return notInNamespace(p, id);
        return "";
    }

    /** {@code (<iri> is not in urn:relais:<kind>:<type>.<system>:…)}, the kind a document's or else an external object's. */
    private static String notInNamespace(Producer p, String id) {
        String kind = Iri.isKind(id, Iri.DOCUMENT) ? Iri.DOCUMENT : Iri.EXTERNAL;
        return " (" + id + " is not in " + Iri.PREFIX + kind + ":" + p.namespace() + ":…)";
    }

    private static String unknown(String ceSource) {
        return ceSource == null || ceSource.isBlank()
                ? "a record without a CloudEvents source (ce_source) asserts nothing: the producer must be named"
                : "source " + ceSource + " is not a known producer (/relais/feed-service, /relais/profile-service, "
                + "/connectors/<type>/<system>) and asserts nothing";
    }
}
