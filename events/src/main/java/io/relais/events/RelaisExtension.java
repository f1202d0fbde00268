package io.relais.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code relais} extension object of an activity or an AS2 object, typed: what AS2 has no word for.
 * Readers never throw and never coerce a value of the wrong JSON type into another (a number where a
 * string is expected reads as absent); writers ({@link #builder()}) produce the very map that goes on the
 * wire, so the JSON is the same whether a service writes it with this type or by hand.
 * <p>
 * Keys in use (issue 12 inventory):
 * <table>
 *   <caption>relais extension fields</caption>
 *   <tr><th>key</th><th>on</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>{@code business}</td><td>card object and its Create/Update</td><td>{@link Business}</td>
 *       <td>the business event a connector mapped</td></tr>
 *   <tr><td>{@code role}</td><td>Join</td><td>string: {@code owner}, {@code moderator}, {@code member}</td>
 *       <td>the member's role</td></tr>
 *   <tr><td>{@code by}</td><td>Leave</td><td>person IRI</td><td>who removed the member (absent: they left)</td></tr>
 *   <tr><td>{@code acceptedBy}</td><td>Create of an HR card</td><td>service IRI</td><td>the service that applied
 *       the HR event to a visible person: its card is shown ({@link HrAcceptance})</td></tr>
 *   <tr><td>{@code kind}</td><td>Offer</td><td>string: {@code join-request}</td><td>what the offer is</td></tr>
 *   <tr><td>{@code reaction}</td><td>Like</td><td>string: {@code like}, {@code celebrate}…</td><td>the reaction</td></tr>
 *   <tr><td>{@code pinned}</td><td>Add/Remove</td><td>boolean</td><td>a post pinned or unpinned</td></tr>
 *   <tr><td>{@code visibility}, {@code archived}, {@code slug}</td><td>Group</td><td>string, boolean, string</td>
 *       <td>community settings</td></tr>
 *   <tr><td>{@code community}, {@code announcement}</td><td>Note/Article</td><td>community IRI,
 *       {@code {expires}}</td><td>where a post lives; an announcement and its end</td></tr>
 *   <tr><td>{@code login}, {@code email}, {@code title}, {@code department}, {@code location}, {@code manager},
 *       {@code managerLogin}, {@code startDate}, {@code status}, {@code leftDate}, {@code skills},
 *       {@code languages}, {@code bio}, {@code phone}, {@code displayName}</td><td>Person</td>
 *       <td>strings; {@code skills} and {@code languages} lists of strings</td><td>profile fields</td></tr>
 * </table>
 */
public final class RelaisExtension {

    public static final String BUSINESS = "business";
    public static final String ROLE = "role";
    public static final String BY = "by";
    /** On an HR card's Create: the service that applied it ({@link HrAcceptance}). */
    public static final String ACCEPTED_BY = "acceptedBy";
    public static final String KIND = "kind";
    public static final String REACTION = "reaction";
    public static final String PINNED = "pinned";
    public static final String VISIBILITY = "visibility";
    public static final String ARCHIVED = "archived";
    public static final String SLUG = "slug";
    public static final String COMMUNITY = "community";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String EXPIRES = "expires";
    public static final String MODERATION = "moderation";

    /** {@code kind} of an Offer asking to join a community. */
    public static final String KIND_JOIN_REQUEST = "join-request";

    private static final RelaisExtension EMPTY = new RelaisExtension(Map.of());

    private final Map<String, Object> values;

    private RelaisExtension(Map<String, Object> values) {
        this.values = values;
    }

    /** A reader over an extension map; null reads as empty. */
    public static RelaisExtension of(Map<String, Object> extension) {
        return extension == null || extension.isEmpty() ? EMPTY : new RelaisExtension(extension);
    }

    /** The activity's own extension. */
    public static RelaisExtension of(Activity activity) {
        return of(activity == null ? null : activity.relais());
    }

    /** The object's extension. */
    public static RelaisExtension of(AsObject object) {
        return of(object == null ? null : object.relais());
    }

    /** The business event of a card: the object's, else the activity's (connector-service writes both). */
    public static Optional<Business> businessOf(Activity activity) {
        if (activity == null) return Optional.empty();
        Optional<Business> onObject = of(activity.object()).business();
        return onObject.isPresent() ? onObject : of(activity).business();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The map as it is on the wire (read-only view). */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public Optional<Business> business() {
        return values.get(BUSINESS) instanceof Map<?, ?> m ? Optional.of(Business.fromMap(m)) : Optional.empty();
    }

    public Optional<String> role() {
        return string(ROLE);
    }

    public Optional<String> by() {
        return string(BY);
    }

    /** Who applied the HR event this Create announces ({@link HrAcceptance#isAccepted}). */
    public Optional<String> acceptedBy() {
        return string(ACCEPTED_BY);
    }

    public Optional<String> kind() {
        return string(KIND);
    }

    public Optional<String> reaction() {
        return string(REACTION);
    }

    public Optional<Boolean> pinned() {
        return bool(PINNED);
    }

    public Optional<String> visibility() {
        return string(VISIBILITY);
    }

    public Optional<Boolean> archived() {
        return bool(ARCHIVED);
    }

    public Optional<String> slug() {
        return string(SLUG);
    }

    public Optional<String> community() {
        return string(COMMUNITY);
    }

    /** Whether the post is an announcement (the {@code announcement} object is present, possibly empty). */
    public boolean isAnnouncement() {
        return values.get(ANNOUNCEMENT) instanceof Map<?, ?>;
    }

    /** When an announcement ends; empty when it has no end or is not an announcement. */
    public Optional<Instant> announcementExpires() {
        if (!(values.get(ANNOUNCEMENT) instanceof Map<?, ?> m) || !(m.get(EXPIRES) instanceof String s)) return Optional.empty();
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The profile fields of a Person object. */
    public PersonFields person() {
        return new PersonFields(this);
    }

    /** The {@code moderation} object: a report (Flag), a decision (activity) or a state (object). */
    public Optional<Moderation> moderation() {
        return values.get(MODERATION) instanceof Map<?, ?> m ? Optional.of(Moderation.fromMap(m)) : Optional.empty();
    }

    /** A string field; empty when absent, blank or not a JSON string. */
    public Optional<String> string(String key) {
        return values.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** A boolean field; a JSON boolean, or the strings {@code "true"}/{@code "false"} older events carry. */
    public Optional<Boolean> bool(String key) {
        Object v = values.get(key);
        if (v instanceof Boolean b) return Optional.of(b);
        if ("true".equals(v)) return Optional.of(true);
        if ("false".equals(v)) return Optional.of(false);
        return Optional.empty();
    }

    /** A list of strings; a single string reads as a comma-separated list; other values are skipped. */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v instanceof Collection<?> c) return c.stream().filter(x -> x instanceof String).map(x -> (String) x).toList();
        if (v instanceof String s && !s.isBlank()) return List.of(s.split("\\s*,\\s*"));
        return List.of();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The business event a connector mapped onto a card.
     *
     * @param source        the registered source type ({@code hr}, {@code crm}, {@code ecm}, {@code generic})
     * @param eventType     the source's event type ({@code employee.moved}, {@code opportunity.won}…)
     * @param system        the system within the source ({@code workday}, {@code salesforce}…)
     * @param sourceEventId the system's id of the event (the idempotency key)
     * @param data          the event's own fields as the system sent them (JSON object; never null)
     */
    public record Business(String source, String eventType, String system, String sourceEventId, Map<String, Object> data) {

        public Business {
            data = data == null ? Map.of() : data;
        }

        @SuppressWarnings("unchecked")
        static Business fromMap(Map<?, ?> m) {
            Map<String, Object> data = new LinkedHashMap<>();
            if (m.get("data") instanceof Map<?, ?> d) d.forEach((k, v) -> data.put(String.valueOf(k), v));
            return new Business(str(m.get("source")), str(m.get("eventType")), str(m.get("system")),
                    str(m.get("sourceEventId")), data);
        }

        /** A string field of {@code data}; empty when absent or not a string. */
        public Optional<String> dataString(String key) {
            return data.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
        }

        /** The wire form: {@code {source, eventType, system, sourceEventId, data}}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source);
            m.put("eventType", eventType);
            m.put("system", system);
            m.put("sourceEventId", sourceEventId);
            m.put("data", data);
            m.values().removeIf(Objects::isNull);
            return m;
        }

        private static String str(Object o) {
            return o instanceof String s ? s : null;
        }
    }

    /**
     * What moderation says, in one shape for its three uses:
     * <ul>
     *   <li>on a {@code Flag} (a report): {@code reason} is one of {@code spam}, {@code harassment}, {@code off-topic},
     *       {@code confidential}, {@code other}; {@code comment} the reporter's optional words (at most 500 characters);</li>
     *   <li>on the activity of a decision ({@code Update} for hide and restore, {@code Delete} for remove):
     *       {@code action} is {@code hide}, {@code restore} or {@code remove}, {@code reason} the moderator's words
     *       shown to the author;</li>
     *   <li>on a post or comment object (in {@code Create} and {@code Update}): {@code state} is {@code hidden}
     *       (readers other than the author and moderators must not see it; search does not index it) or
     *       {@code visible}, with the {@code reason} of the decision or of the keyword rule that held it.</li>
     * </ul>
     */
    public record Moderation(String action, String state, String reason, String comment) {

        public static final String HIDDEN = "hidden";
        public static final String VISIBLE = "visible";

        /** A report's extension. */
        public static Moderation report(String reason, String comment) {
            return new Moderation(null, null, reason, comment);
        }

        /** A decision's extension (on the activity). */
        public static Moderation decision(String action, String reason) {
            return new Moderation(action, null, reason, null);
        }

        /** An object's moderation state. */
        public static Moderation state(boolean hidden, String reason) {
            return new Moderation(null, hidden ? HIDDEN : VISIBLE, reason, null);
        }

        /** Whether the object is hidden by moderation. */
        public boolean hidden() {
            return HIDDEN.equals(state);
        }

        static Moderation fromMap(Map<?, ?> m) {
            return new Moderation(str(m.get("action")), str(m.get("state")), str(m.get("reason")), str(m.get("comment")));
        }

        /** The wire form, absent fields left out. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", action);
            m.put("state", state);
            m.put("reason", reason);
            m.put("comment", comment);
            m.values().removeIf(Objects::isNull);
            return m;
        }

        private static String str(Object o) {
            return o instanceof String s ? s : null;
        }
    }

    /** Typed reader of a Person object's profile fields (profile-service's snapshot). */
    public static final class PersonFields {
        private final RelaisExtension ext;

        private PersonFields(RelaisExtension ext) {
            this.ext = ext;
        }

        public Optional<String> login() { return ext.string("login"); }
        public Optional<String> displayName() { return ext.string("displayName"); }
        public Optional<String> email() { return ext.string("email"); }
        public Optional<String> title() { return ext.string("title"); }
        public Optional<String> department() { return ext.string("department"); }
        public Optional<String> location() { return ext.string("location"); }
        /** The manager's person IRI. */
        public Optional<String> manager() { return ext.string("manager"); }
        public Optional<String> managerLogin() { return ext.string("managerLogin"); }
        public Optional<String> startDate() { return ext.string("startDate"); }
        /** {@code active} or {@code left}; absent means active. */
        public Optional<String> status() { return ext.string("status"); }
        public Optional<String> leftDate() { return ext.string("leftDate"); }
        public List<String> skills() { return ext.strings("skills"); }
        public List<String> languages() { return ext.strings("languages"); }
        public Optional<String> bio() { return ext.string("bio"); }
        public Optional<String> phone() { return ext.string("phone"); }
    }

    /** Writes an extension map; null values are left out, so the JSON is what a hand-built map gave. */
    public static final class Builder {
        private final Map<String, Object> m = new LinkedHashMap<>();

        public Builder business(Business b) { return put(BUSINESS, b == null ? null : b.toMap()); }
        public Builder role(String v) { return put(ROLE, v); }
        public Builder by(String personIri) { return put(BY, personIri); }
        public Builder kind(String v) { return put(KIND, v); }
        public Builder reaction(String v) { return put(REACTION, v); }
        public Builder pinned(boolean v) { return put(PINNED, v); }
        public Builder visibility(String v) { return put(VISIBILITY, v); }
        public Builder archived(boolean v) { return put(ARCHIVED, v); }
        public Builder slug(String v) { return put(SLUG, v); }
        public Builder community(String communityIri) { return put(COMMUNITY, communityIri); }
        public Builder moderation(Moderation v) { return put(MODERATION, v == null ? null : v.toMap()); }

        /** Marks an announcement; {@code expires} may be null (no end). */
        public Builder announcement(Instant expires) {
            return put(ANNOUNCEMENT, expires == null ? Map.of() : Map.of(EXPIRES, expires.toString()));
        }

        /** Any other key (profile fields and the like); null values are left out. */
        public Builder put(String key, Object value) {
            if (value != null) m.put(key, value);
            return this;
        }

        /** The map for {@code Activity.Builder#relais} / {@code AsObject.Builder#relais}; null when empty. */
        public Map<String, Object> build() {
            return m.isEmpty() ? null : new LinkedHashMap<>(m);
        }
    }
}
