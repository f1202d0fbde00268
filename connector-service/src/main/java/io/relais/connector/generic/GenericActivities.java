package io.relais.connector.generic;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.connector.registration.PeopleMatch;
import io.relais.connector.registration.Registration;
import io.relais.connector.source.EventTime;
import io.relais.events.Activity;
import io.relais.events.ActivityValidator;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;
import io.relais.events.Tag;
import io.relais.events.TextHygiene;
import io.relais.events.Violation;
import io.relais.kit.text.HtmlPolicy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generic connector's reading of an Activity Streams 2.0 activity: any legal AS2 shape in, one card out,
 * inside the connector's lane ({@link ConnectorLane}).
 *
 * <p>What comes out, whatever the shape that came in (single values or arrays, IRIs, {@code Link}s or embedded
 * objects, language maps, {@code @language}): a {@code Create}, {@code Update} or {@code Delete} of a card in
 * the shape feed-service and search-service already understand for business events: an {@code Event} (or a
 * {@code Document} for documents, pages and media) whose id is the system's own id namespaced per source
 * ({@code urn:relais:external:<source>.<system>:<id>}), with
 * <ul>
 *   <li>{@code generator} = the registered system, and {@code actor} = that system, or the person its
 *       registration matches the given actor to ({@link PeopleMatch});</li>
 *   <li>{@code name}/{@code nameMap} plain text taken as given ({@code <} and {@code &} are characters: AS2 says a
 *       name holds no HTML), {@code summary}/{@code summaryMap} (HTML in AS2) read down to their plain text, {@code content}/{@code contentMap} sanitised
 *       with the posts' {@link HtmlPolicy}; every text through {@link TextHygiene} first; a card without a
 *       summary gets the first words of its content as one, so it never shows empty;</li>
 *   <li>{@code to}/{@code cc} from the activity and the object ({@code bto}, {@code bcc} and {@code audience}
 *       folded in), else the registration's default audience; a public community is cc'd to the organisation;
 *       a community feed-service never announced, or a person (addressed or mentioned) profile-service does not
 *       know as active, is a violation naming the field; so is a private or secret community the registration does
 *       not list ({@link Registration#mayAddress}), with the very message of one that does not exist;</li>
 *   <li>{@code relais.business = {source, eventType (the CloudEvent type), system, sourceEventId (the CloudEvent
 *       id), data: {activityType, objectType, objectId, ceSource}}} on the object and the activity.</li>
 * </ul>
 * Anything outside the lane is refused as a whole with the rule it breaks; a malformed value is a violation
 * naming its field. The activity's own id is left to the caller (the receipt fixes it, so a resend is the
 * same activity).
 */
public final class GenericActivities {

    /** Longest summary made from the content of a card that has none (characters, cut at a word). */
    static final int DERIVED_SUMMARY_CHARS = 500;

    /**
     * The largest {@code size} of an object, in bytes: 10^15 (1 PB), 200 times the largest file any document store
     * takes (5 TB); the ECM schemas' {@code data.size} has the same bound, in the same words.
     */
    static final long MAX_SIZE_BYTES = 1_000_000_000_000_000L;

    private static final Set<String> DOCUMENT_TYPES = Set.of(As2.DOCUMENT, As2.PAGE, As2.IMAGE, "Video", "Audio");
    private static final Set<String> MEMBERSHIP_ACTIVITIES = Set.of(As2.JOIN, As2.LEAVE, As2.INVITE, As2.ACCEPT,
            As2.REJECT, "TentativeAccept", "TentativeReject");
    private static final Set<String> RELATIONSHIP_ACTIVITIES = Set.of(As2.FOLLOW, As2.BLOCK, "Ignore", "Flag");
    private static final Set<String> REACTION_ACTIVITIES = Set.of(As2.LIKE, "Dislike", As2.UNDO, As2.ANNOUNCE, "View",
            "Read", "Listen");
    private static final Set<String> PEOPLE_OBJECTS = Set.of(As2.PERSON, "Profile");
    private static final Set<String> SYSTEM_OBJECTS = Set.of(As2.GROUP, As2.ORGANIZATION, As2.APPLICATION, "Service",
            "Relationship");
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final Pattern HASHTAG = Pattern.compile("\\p{L}[\\p{L}\\p{N}_]{0,49}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    /** What the normaliser needs to know of the world: people (for matching) and community visibility. */
    public interface Directory {
        /** The IRI of the active person with this login. */
        Optional<String> personByLogin(String login);

        /** The IRI of the active person with this e-mail address. */
        Optional<String> personByEmail(String email);

        /**
         * The visibility feed-service announced for the community ({@code public}: its cards are also cc'd to the
         * organisation), or empty when it never announced it: nothing may be addressed to that community.
         */
        Optional<String> communityVisibility(String communityIri);

        /** Whether feed-service announced the community archived: it takes no new cards. */
        default boolean communityArchived(String communityIri) {
            return false;
        }
    }

    /**
     * The CloudEvent around the activity.
     *
     * @param source the registered source the client posts as ({@code generic})
     * @param time   the CloudEvent {@code time}, or null
     */
    public record Envelope(String source, String ceId, String ceType, String ceSource, Instant time) {
    }

    /** Either the card activity (id still to be set), or the violations, or the lane rule that refuses it. */
    public record Normalised(Activity activity, List<Violation> violations, LaneRefusal refusal) {
        public boolean accepted() {
            return refusal == null && violations.isEmpty();
        }
    }

    private final Registration registration;
    private final Directory directory;
    private final Envelope envelope;
    private final As2Json json;
    private final String generatorIri;

    private GenericActivities(Registration registration, Directory directory, Envelope envelope) {
        this.registration = registration;
        this.directory = directory;
        this.envelope = envelope;
        this.json = new As2Json(new ArrayList<>());
        this.generatorIri = Iri.of(Iri.SOURCE, envelope.source() + "." + registration.system());
    }

    /**
     * Normalises one AS2 activity (the CloudEvent's {@code data}). Violation paths start with {@code data.}.
     */
    public static Normalised normalise(JsonNode data, Registration registration, Directory directory, Envelope envelope) {
        GenericActivities g = new GenericActivities(registration, directory, envelope);
        try {
            Activity a = g.read(data);
            return new Normalised(a, g.json.violations(), null);
        } catch (Refused r) {
            return new Normalised(null, List.of(), r.refusal);
        }
    }

    /** Thrown inside the normaliser to stop at the first lane rule broken. */
    private static final class Refused extends RuntimeException {
        final LaneRefusal refusal;

        Refused(ConnectorLane lane, String field, String detail) {
            super(null, null, false, false);
            this.refusal = new LaneRefusal(lane, field, detail);
        }
    }

    private Activity read(JsonNode data) {
        if (data == null || !data.isObject()) {
            json.violation("data", "must be an AS2 activity (a JSON object)");
            return null;
        }
        extension(data, "data");
        String type = activityType(data);
        if (type == null) return null;

        List<JsonNode> objects = As2Json.values(data, "object");
        if (objects.isEmpty()) {
            json.violation("data.object", "is required: the object the activity is about");
            return null;
        }
        if (objects.size() > 1) {
            json.violation("data.object", "holds " + objects.size() + " objects: send one activity per object");
            return null;
        }
        String objectPath = data.get("object").isArray() ? "data.object[0]" : "data.object";
        JsonNode object = objects.get(0);
        if (object.isObject()) extension(object, objectPath);

        if (As2.ADD.equals(type) || "Remove".equals(type)) {
            for (JsonNode t : As2Json.values(data, "target")) {
                String target = json.reference(t, "data.target");
                if (Iri.isKind(target, Iri.COMMUNITY)) {
                    throw new Refused(ConnectorLane.MEMBERSHIPS, "data.target", type + " to or from " + target);
                }
            }
            if ("Remove".equals(type)) {
                throw new Refused(ConnectorLane.UNSUPPORTED_ACTIVITY, "data.type",
                        "Remove (send Delete of the object to take its card down)");
            }
        }

        if (object.isObject()) objectKind(As2Json.types(object), objectPath, type);
        String language = json.defaultLanguage(data, "data");
        String objectId = objectId(type, object, objectPath);
        String actor = person(data, "actor", "data.actor");
        String published = json.string(data, "published", "data.published");
        Instant at = instant(published, "data.published");
        if (at == null) at = envelope.time();
        Instant now = Instant.now();
        if (at == null || at.isAfter(now)) at = now; // a card takes its place when Relais learns it, never later

        AsObject.Builder card = As2.DELETE.equals(type) ? tombstone(object, objectId, now)
                : card(object, objectPath, objectId, actor, language, type);

        // the audience: the activity's and the object's addresses; the registration's default when there are none
        Set<String> to = new LinkedHashSet<>();
        Set<String> cc = new LinkedHashSet<>();
        addresses(data, "data", to, cc);
        if (object.isObject()) addresses(object, objectPath, to, cc);
        if (to.isEmpty() && cc.isEmpty()) {
            String fallback = registration.defaultAudience().address();
            if (exists(fallback, "data.to", " (none given, so the default audience of registration "
                    + registration.clientId() + ")")) {
                to.add(fallback);
            }
        }
        for (String address : List.copyOf(to)) {
            if (Iri.isKind(address, Iri.COMMUNITY) && addressableVisibility(address).filter("public"::equals).isPresent()) {
                cc.add(Audience.ORGANISATION);
            }
        }
        cc.removeAll(to);

        String originalType = object.isObject() && !As2Json.types(object).isEmpty() ? firstKnownType(As2Json.types(object)) : null;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("activityType", type);
        if (originalType != null) facts.put("objectType", originalType);
        String givenId = object.isTextual() ? object.asText() : object.isObject() && object.path("id").isTextual()
                ? object.get("id").asText() : null;
        if (givenId != null) facts.put("objectId", givenId);
        facts.put("ceSource", envelope.ceSource());
        Map<String, Object> business = new LinkedHashMap<>();
        business.put("source", envelope.source());
        business.put("eventType", envelope.ceType());
        business.put("system", registration.system());
        business.put("sourceEventId", envelope.ceId());
        business.put("data", facts);
        Map<String, Object> extension = Map.of("business", business);

        if (!json.violations().isEmpty()) return null;
        AsObject cardObject = card.to(List.copyOf(to)).cc(cc.isEmpty() ? null : List.copyOf(cc)).relais(extension).build();
        AsObject generator = AsObject.builder().id(generatorIri).type(As2.APPLICATION).name(registration.systemName()).build();
        Activity activity = Activity.builder().type(As2.ADD.equals(type) ? As2.CREATE : type)
                .actor(actor != null ? actor : generatorIri).object(cardObject).to(List.copyOf(to))
                .cc(cc.isEmpty() ? null : List.copyOf(cc)).generator(generator).published(at).relais(extension).build();
        for (Violation v : ActivityValidator.validate(activity)) {
            json.violation("data." + v.field(), v.message());
        }
        return json.violations().isEmpty() ? activity : null;
    }

    /** The activity type, or a refusal naming the lane it would cross. */
    private String activityType(JsonNode data) {
        List<String> types = As2Json.types(data);
        if (types.isEmpty()) {
            json.string(data, "type", "data.type"); // names a non-string type
            if (json.violations().isEmpty()) json.violation("data.type", "is required: Create, Add, Update or Delete");
            return null;
        }
        for (String t : types) {
            if (MEMBERSHIP_ACTIVITIES.contains(t)) throw new Refused(ConnectorLane.MEMBERSHIPS, "data.type", t + " of "
                    + Optional.ofNullable(json.reference(data.get("object"), "data.object")).orElse("an object"));
            if (RELATIONSHIP_ACTIVITIES.contains(t)) throw new Refused(ConnectorLane.RELATIONSHIPS, "data.type", t);
            if (REACTION_ACTIVITIES.contains(t)) throw new Refused(ConnectorLane.REACTIONS, "data.type", t);
        }
        for (String t : types) {
            if (Set.of(As2.CREATE, As2.ADD, As2.UPDATE, As2.DELETE, "Remove").contains(t)) return t;
        }
        throw new Refused(ConnectorLane.UNSUPPORTED_ACTIVITY, "data.type", String.join(", ", types));
    }

    /** A client's {@code relais} extension is refused; one claiming an HR fact is named as such. */
    private void extension(JsonNode node, String path) {
        JsonNode ext = node.get("relais");
        if (ext == null || ext.isNull()) return;
        JsonNode source = ext.path("business").path("source");
        if (source.isTextual() && "hr".equals(source.asText()) && !"hr".equals(envelope.source())) {
            throw new Refused(ConnectorLane.HR_FACTS, path + ".relais.business.source",
                    "an activity of source " + envelope.source() + " claims to be an HR event");
        }
        throw new Refused(ConnectorLane.RELAIS_EXTENSION, path + ".relais",
                "send the business facts in the object; Relais adds source, system and event ids itself");
    }

    /**
     * The object's IRI in the connector's namespace: the system's own id (any IRI or local id) becomes
     * {@code urn:relais:external:<source>.<system>:<id>}; an IRI already in that namespace stays; a Relais IRI of any
     * other kind, source or system is refused. A Create or Add without an id is named after the CloudEvent id.
     */
    private String objectId(String type, JsonNode object, String path) {
        String idPath = object.isObject() ? path + ".id" : path;
        String given = object.isTextual() ? object.asText()
                : object.isObject() ? json.string(object, "id", idPath) : null;
        if (!object.isTextual() && !object.isObject()) {
            json.violation(path, "must be an object or its IRI, not " + As2Json.jsonType(object));
            return null;
        }
        if (given == null || given.isBlank()) {
            if (As2.CREATE.equals(type) || As2.ADD.equals(type)) return Iri.external(namespace(), envelope.ceId());
            json.violation(idPath, "is required: the id your system gave the object");
            return null;
        }
        given = TextHygiene.line(given).trim();
        if (given.startsWith(Iri.PREFIX)) {
            Optional<String> owner = Iri.externalSource(given);
            if (owner.isPresent() && owner.get().equals(namespace()) && Iri.isValid(given)) return given;
            throw new Refused(ConnectorLane.OWN_OBJECTS_ONLY, idPath, type + " of " + given
                    + " (this connector's objects are " + Iri.PREFIX + Iri.EXTERNAL + ":" + namespace() + ":…)");
        }
        try {
            return Iri.external(namespace(), given);
        } catch (IllegalArgumentException e) {
            json.violation(idPath, "must be at most 200 characters once percent-encoded");
            return null;
        }
    }

    /**
     * This client's namespace of external objects, {@code <source>.<system>}: two systems of one source type (two
     * intranets, say) may use the same ids, and neither may update or delete the other's objects
     * ({@link io.relais.events.Producer#owns}, which every consumer applies).
     */
    private String namespace() {
        return envelope.source() + "." + registration.system();
    }

    private AsObject.Builder tombstone(JsonNode object, String id, Instant now) {
        String former = object.isObject() ? json.string(object, "formerType", "data.object.formerType") : null;
        return AsObject.builder().id(id).type(As2.TOMBSTONE)
                .formerType(former != null && DOCUMENT_TYPES.contains(former) ? As2.DOCUMENT : As2.EVENT).deleted(now);
    }

    /** The card of a Create, Add or Update: an embedded object with something to show. */
    private AsObject.Builder card(JsonNode object, String path, String id, String actor, String language, String type) {
        AsObject.Builder b = AsObject.builder().id(id);
        if (!object.isObject()) {
            json.violation(path, "must be embedded (a JSON object with its type and text) in a " + type);
            return b;
        }
        List<String> types = As2Json.types(object);
        if (types.isEmpty()) {
            json.string(object, "type", path + ".type");
            json.violation(path + ".type", "is required: Note, Article, Document, Event, Page…");
            return b;
        }
        String objectType = firstKnownType(types);
        if (As2.TOMBSTONE.equals(objectType)) {
            json.violation(path + ".type", "a Tombstone is sent in a Delete, not in a " + type);
            return b;
        }
        String lang = Optional.ofNullable(json.defaultLanguage(object, path)).orElse(language);
        b.type(DOCUMENT_TYPES.contains(objectType) ? As2.DOCUMENT : As2.EVENT);

        Map<String, String> names = plainText(json.naturalLanguage(object, "name", path + ".name", lang), path + ".name",
                ActivityValidator.MAX_NAME_CHARS, false);
        Map<String, String> summaries = plainText(json.naturalLanguage(object, "summary", path + ".summary", lang),
                path + ".summary", ActivityValidator.MAX_SUMMARY_CHARS, true);
        Map<String, String> contents = new LinkedHashMap<>();
        String contentMediaType = json.string(object, "mediaType", path + ".mediaType");
        boolean plainContent = contentMediaType != null && contentMediaType.toLowerCase(Locale.ROOT).startsWith("text/plain");
        json.naturalLanguage(object, "content", path + ".content", lang).forEach((l, raw) -> {
            String clean = TextHygiene.text(raw);
            String html = plainContent ? "<p>" + escape(clean).replace("\n", "<br>") + "</p>" : HtmlPolicy.sanitize(clean);
            if (html.length() > ActivityValidator.MAX_CONTENT_CHARS) {
                json.violation(path + (object.has("contentMap") ? "Map." + l : ".content"), "must be at most "
                        + ActivityValidator.MAX_CONTENT_CHARS + " characters");
            } else if (!html.isBlank()) {
                contents.put(l, html);
            }
        });
        if (summaries.isEmpty()) {
            contents.forEach((l, html) -> {
                String text = HtmlPolicy.plainText(html);
                if (!text.isBlank()) summaries.put(l, preview(text));
            });
        }
        if (names.isEmpty() && summaries.isEmpty()) {
            json.violation(path, "needs a name, a summary or content: a card with nothing to show is refused");
        }
        b.name(first(names)).nameMap(languages(names)).summary(first(summaries)).summaryMap(languages(summaries))
                .content(first(contents)).contentMap(languages(contents));

        b.url(url(As2Json.values(object, "url"), path + ".url"));
        if (contentMediaType != null && !plainContent && DOCUMENT_TYPES.contains(objectType)) {
            String mt = contentMediaType.trim().toLowerCase(Locale.ROOT);
            if (MEDIA_TYPE.matcher(mt).matches()) b.mediaType(mt);
            else json.violation(path + ".mediaType", "must be a media type such as application/pdf");
        }
        JsonNode size = object.get("size");
        if (size != null && !size.isNull()) b.size(size(size, path + ".size"));
        String author = person(object, "attributedTo", path + ".attributedTo");
        b.attributedTo(author != null ? author : actor);
        b.tag(tags(object, path));
        b.attachment(attachments(object, path));
        String published = json.string(object, "published", path + ".published");
        Instant at = instant(published, path + ".published");
        if (As2.UPDATE.equals(type)) {
            Instant updated = instant(json.string(object, "updated", path + ".updated"), path + ".updated");
            Instant now = Instant.now();
            // like published: never later than Relais learns it (a card "edited in 2099" would read so until then)
            b.updated(updated != null && !updated.isAfter(now) ? updated : now);
        }
        if (at != null && !at.isAfter(Instant.now())) b.published(at);
        return b;
    }

    /** People and HR facts, communities and systems are never a connector's objects. */
    private static void objectKind(List<String> types, String path, String activityType) {
        if (types.isEmpty()) return;
        String objectType = firstKnownType(types);
        if (PEOPLE_OBJECTS.contains(objectType)) {
            throw new Refused(ConnectorLane.HR_FACTS, path + ".type", activityType + " of a " + objectType);
        }
        if (SYSTEM_OBJECTS.contains(objectType)) {
            throw new Refused(ConnectorLane.COMMUNITIES_AND_SYSTEMS, path + ".type", activityType + " of a " + objectType);
        }
    }

    /**
     * Names and summaries as the plain text a reader sees. A name is text as given (AS2 forbids markup in a name,
     * so a {@code <} in it is a character: {@code Smith & Sons <EMEA>} stays whole); a summary is HTML in AS2, so it
     * is read down to its text ({@link HtmlPolicy#plainText}: {@code &lt;EMEA&gt;} becomes {@code <EMEA>}).
     * Either way the result is text that every page escapes.
     */
    private Map<String, String> plainText(Map<String, String> byLanguage, String path, int max, boolean html) {
        Map<String, String> out = new LinkedHashMap<>();
        byLanguage.forEach((lang, raw) -> {
            String field = byLanguage.size() > 1 || !"und".equals(lang) ? path + "Map." + lang : path;
            String text = TextHygiene.line(html ? HtmlPolicy.plainText(raw) : raw).trim();
            if (text.length() > max) {
                json.violation(field, "must be at most " + max + " characters");
            } else if (!text.isEmpty()) {
                out.put(lang, text);
            }
        });
        return out;
    }

    /**
     * The Relais person a reference names, under the registration's {@link PeopleMatch}; {@code null} when it
     * names the system or an outside identity that stands for it. Naming a person without a matching
     * registration is refused; a person-like identity that matches nobody is a violation.
     */
    private String person(JsonNode parent, String field, String path) {
        List<JsonNode> refs = As2Json.values(parent, field);
        if (refs.isEmpty()) return null;
        JsonNode ref = refs.get(0);
        String p = As2Json.path(parent, field, path, 0);
        String iri = json.reference(ref, p);
        if (iri != null) iri = TextHygiene.line(iri).trim();
        if (generatorIri.equals(iri)) return null;
        PeopleMatch match = registration.people();
        if (iri != null && iri.startsWith(Iri.PREFIX)) {
            if (Iri.isKind(iri, Iri.PERSON) && match == PeopleMatch.LOGIN) {
                return matched(directory.personByLogin(Iri.localId(iri)), p, "login " + Iri.localId(iri));
            }
            throw new Refused(ConnectorLane.ON_BEHALF_OF_PEOPLE, p, iri + (match == PeopleMatch.NONE
                    ? " (the registration of " + registration.clientId() + " matches no people: the system itself is the actor)"
                    : " (this registration matches people by " + match.id() + ")"));
        }
        if (match == PeopleMatch.NONE) return null; // an outside identity: shown as the system
        String username = ref.isObject() ? json.string(ref, "preferredUsername", p + ".preferredUsername") : null;
        String email = ref.isObject() ? json.string(ref, "email", p + ".email") : null;
        if (iri != null && iri.regionMatches(true, 0, "mailto:", 0, 7)) email = iri.substring(7);
        if (match == PeopleMatch.EMAIL) {
            if (email == null && username != null && EMAIL.matcher(username).matches()) email = username;
            if (email == null) return null;
            return matched(directory.personByEmail(TextHygiene.line(email).trim()), p, "e-mail " + email);
        }
        if (username == null) return null;
        String login = TextHygiene.line(username).trim().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(login).matches()) {
            json.violation(p + ".preferredUsername", "is not a Relais login");
            return null;
        }
        return matched(directory.personByLogin(login), p, "login " + login);
    }

    private String matched(Optional<String> person, String path, String what) {
        if (person.isEmpty()) json.violation(path, "names no active Relais person (matched by " + what + ")");
        return person.orElse(null);
    }

    /** {@code to}, {@code cc}, {@code bto}, {@code bcc}, {@code audience}: each an IRI, a Link or an object. */
    private void addresses(JsonNode node, String path, Set<String> to, Set<String> cc) {
        for (String field : List.of("to", "bto", "audience", "cc", "bcc")) {
            List<JsonNode> values = As2Json.values(node, field);
            for (int i = 0; i < values.size(); i++) {
                String p = As2Json.path(node, field, path + "." + field, i);
                String address = json.reference(values.get(i), p);
                if (address == null) continue;
                address = TextHygiene.line(address).trim();
                if (Audience.isOrganisationWide(address)) {
                    address = Audience.ORGANISATION;
                } else if (!(Iri.isKind(address, Iri.COMMUNITY) || Iri.isKind(address, Iri.PERSON)) || !Iri.isValid(address)) {
                    json.violation(p, "must be the organisation (" + Audience.ORGANISATION + " or as:Public), a community "
                            + "(urn:relais:community:<slug>) or a person (urn:relais:person:<login>)");
                    continue;
                }
                if (!exists(address, p, "")) continue;
                (field.endsWith("cc") ? cc : to).add(address);
            }
        }
    }

    /**
     * Whether an address names what exists: a community feed-service announced and this registration may address, or
     * an active person profile-service announced (else whoever later created that slug, or a later hire with that
     * login, would read the card). A violation at {@code path} otherwise; a private or secret community the
     * registration does not list gets the very message of one that was never created ({@link #noCommunity}); an
     * archived community it may address, its own.
     */
    private boolean exists(String address, String path, String context) {
        if (Iri.isKind(address, Iri.COMMUNITY) && addressableVisibility(address).isEmpty()) {
            json.violation(path, noCommunity(Iri.localId(address)) + context);
            return false;
        }
        // asked only of a community the registration may address: a secret archived one got noCommunity above
        if (Iri.isKind(address, Iri.COMMUNITY) && directory.communityArchived(address)) {
            json.violation(path, "names an archived community: '" + Iri.localId(address)
                    + "' takes no new cards" + context);
            return false;
        }
        if (Iri.isKind(address, Iri.PERSON) && directory.personByLogin(Iri.localId(address)).isEmpty()) {
            json.violation(path, "names no active Relais person: '" + Iri.localId(address) + "'" + context);
            return false;
        }
        return true;
    }

    /**
     * The visibility feed-service announced for a community, when this registration may address it
     * ({@link Registration#mayAddress}: public, or listed); empty when it does not exist or may not be addressed, the
     * two being one answer.
     */
    private Optional<String> addressableVisibility(String communityIri) {
        return directory.communityVisibility(communityIri).filter(v -> registration.mayAddress(communityIri, v));
    }

    /**
     * The one message for a community this registration may not address, whether it was never created or is private
     * or secret and not listed: the slug is all that differs.
     */
    static String noCommunity(String slug) {
        return "names no community: '" + slug + "' was never created in Relais, or is private or secret and not "
                + "listed in the registration's communities";
    }

    /** The first http(s) URL among IRIs, Links and objects with a {@code url} or {@code href}. */
    private String url(List<JsonNode> urls, String path) {
        for (int i = 0; i < urls.size(); i++) {
            JsonNode u = urls.get(i);
            String p = urls.size() > 1 ? path + "[" + i + "]" : path;
            String value = u.isObject() && !As2Json.isLink(u) && u.has("url") ? url(As2Json.values(u, "url"), p + ".url")
                    : json.reference(u, p);
            if (value == null) continue;
            value = TextHygiene.line(value).trim();
            if (!isWebUrl(value)) {
                json.violation(p, "must be an http or https URL");
                continue;
            }
            return value;
        }
        return null;
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && value.length() <= 2000;
        } catch (Exception e) {
            return false;
        }
    }

    /** Mentions of Relais people and hashtags; a {@code Hashtag} or {@code Mention} needs no {@code href}. */
    private List<Tag> tags(JsonNode object, String path) {
        List<Tag> out = new ArrayList<>();
        List<JsonNode> tags = As2Json.values(object, "tag");
        for (int i = 0; i < tags.size() && out.size() < ActivityValidator.MAX_TAGS; i++) {
            JsonNode t = tags.get(i);
            String p = As2Json.path(object, "tag", path + ".tag", i);
            if (!t.isObject()) continue; // a bare IRI says nothing a card can show
            List<String> types = As2Json.types(t);
            String name = json.string(t, "name", p + ".name");
            String href = t.has("href") ? json.string(t, "href", p + ".href") : null;
            name = name == null ? null : TextHygiene.line(name).trim();
            if (types.contains(As2.HASHTAG)) {
                String bare = name == null ? null : name.startsWith("#") ? name.substring(1) : name;
                if (bare != null && HASHTAG.matcher(bare).matches()) out.add(Tag.hashtag(bare));
                else json.violation(p + ".name", "must be a hashtag: a letter then letters, digits or _ (50 at most)");
            } else if (types.contains(As2.MENTION)) {
                String login = href != null && Iri.isKind(href, Iri.PERSON) ? Iri.localId(href)
                        : name != null ? (name.startsWith("@") ? name.substring(1) : name).toLowerCase(Locale.ROOT) : null;
                if (login == null || !LOGIN.matcher(login).matches()) continue;
                if (directory.personByLogin(login).isEmpty()) {
                    json.violation(p, "mentions no active Relais person: '" + login + "'");
                    continue;
                }
                out.add(Tag.mention(Iri.person(login), login));
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Attachments as links: an IRI, a Link or an object, each with a plain-text name and an http(s) URL. */
    private List<AsObject> attachments(JsonNode object, String path) {
        List<AsObject> out = new ArrayList<>();
        List<JsonNode> items = As2Json.values(object, "attachment");
        if (items.size() > ActivityValidator.MAX_ATTACHMENTS) {
            json.violation(path + ".attachment", "must hold at most " + ActivityValidator.MAX_ATTACHMENTS + " attachments");
            return null;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode a = items.get(i);
            String p = As2Json.path(object, "attachment", path + ".attachment", i);
            String url = a.isObject() && !As2Json.isLink(a) ? url(As2Json.values(a, "url"), p + ".url")
                    : url(List.of(a), p);
            if (url == null) continue;
            String name = a.isObject() ? json.string(a, "name", p + ".name") : null;
            if (name != null) {
                // text as given, like an object's name: the pages that list attachments escape it
                name = TextHygiene.line(name).trim();
            }
            String mt = a.isObject() ? json.string(a, "mediaType", p + ".mediaType") : null;
            String type = a.isObject() && !As2Json.types(a).isEmpty() && As2.IMAGE.equals(As2Json.types(a).get(0))
                    ? As2.IMAGE : As2.DOCUMENT;
            out.add(AsObject.builder().type(type).name(name).url(url)
                    .mediaType(mt != null && MEDIA_TYPE.matcher(mt.toLowerCase(Locale.ROOT)).matches() ? mt.toLowerCase(Locale.ROOT) : null)
                    .build());
        }
        return out.isEmpty() ? null : out;
    }

    private Instant instant(String text, String path) {
        if (text == null) return null;
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            json.violation(path, "must be an RFC 3339 date-time with an offset, e.g. 2026-11-22T09:30:00Z");
            return null;
        }
        if (EventTime.tooOld(at)) {
            json.violation(path, EventTime.tooOldMessage(at));
            return null;
        }
        return at;
    }

    /**
     * An object's {@code size}: a whole number of bytes (12.0 is 12, as the JSON Schemas of the other lanes read it),
     * from 0 to {@link #MAX_SIZE_BYTES}; else a violation in the schemas' words (null).
     */
    private Long size(JsonNode size, String path) {
        if (!size.isNumber()) {
            json.violation(path, "must be a whole number of bytes, not " + As2Json.jsonType(size));
            return null;
        }
        BigDecimal bytes = size.decimalValue();
        if (bytes.signum() != 0 && bytes.stripTrailingZeros().scale() > 0) {
            json.violation(path, "must be a whole number of bytes, not " + size.asText());
        } else if (bytes.signum() < 0) {
            json.violation(path, "must be at least 0");
        } else if (bytes.compareTo(BigDecimal.valueOf(MAX_SIZE_BYTES)) > 0) {
            json.violation(path, "must be at most " + MAX_SIZE_BYTES);
        } else {
            return bytes.longValueExact();
        }
        return null;
    }

    /** The first of several types that AS2 defines; an extension type alone reads as a generic object. */
    private static String firstKnownType(List<String> types) {
        for (String t : types) {
            if (As2.OBJECT_TYPES.contains(t) || As2.ACTIVITY_TYPES.contains(t)) return t;
        }
        return types.get(0);
    }

    /** The first words of a text, cut at a word boundary with an ellipsis when longer than the preview. */
    static String preview(String text) {
        if (text.length() <= DERIVED_SUMMARY_CHARS) return text;
        int cut = text.lastIndexOf(' ', DERIVED_SUMMARY_CHARS - 1);
        return text.substring(0, cut > DERIVED_SUMMARY_CHARS / 2 ? cut : DERIVED_SUMMARY_CHARS - 1).trim() + "…";
    }

    /** The value shown when one language must be picked: French, then English, then the first given. */
    private static String first(Map<String, String> byLanguage) {
        if (byLanguage.isEmpty()) return null;
        return byLanguage.getOrDefault("fr", byLanguage.getOrDefault("en", byLanguage.values().iterator().next()));
    }

    /** The language map, without the {@code und} entry a plain value got for lack of a language. */
    private static Map<String, String> languages(Map<String, String> byLanguage) {
        Map<String, String> out = new LinkedHashMap<>(byLanguage);
        out.remove("und");
        return out.isEmpty() ? null : out;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
