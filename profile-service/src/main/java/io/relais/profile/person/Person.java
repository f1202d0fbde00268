package io.relais.profile.person;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stored profile document, {@code _id} = login. Also holds what reads need without a scan: the
 * endorsement count per skill and activity counters. {@code fieldTimes} remembers, per HR-owned field,
 * when the change that last set it happened, so HR events arriving out of order never let an older value
 * overwrite a newer one: for an HR event, the time HR gives it ({@code hr.HrLifecycle.hrTime}, never after its
 * arrival); for SCIM, an administrator, the person's own location and an erasure unlinking a manager, the moment of
 * the request. Changes of different provenance are so ordered by when each happened: an HR move HR dates before a
 * later SCIM or own edit, received after it, does not undo that edit; one HR dates after it does. {@code version} makes each write conditional (no lost update without transactions).
 */
public final class Person {

    public static final String ACTIVE = "active";
    public static final String LEFT = "left";

    public String login;
    public String displayName;
    public String email;
    public String title;
    public String department;
    public String location;
    public String phone;
    public String managerLogin;
    /**
     * The manager an HR event named before their profile existed (an HR batch may deliver a report's hire before
     * their manager's): not shown nor published, and applied to {@code managerLogin} once that profile exists.
     */
    public String pendingManager;
    public String startDate;
    public String status = ACTIVE;
    public String leftDate;
    public String bio;
    public List<String> skills = new ArrayList<>();
    public List<String> languages = new ArrayList<>();
    public PhotoRef photo;
    public String externalId;
    /**
     * The id of the HR hire ({@code employee.hired} activity) that last made this person active: tells a redelivery
     * of that hire from a second hire of the same login (see {@code hr.HrLifecycle}). Not shown nor published; null
     * for people stored before it was kept, and for those HR has not hired through an event.
     */
    public String hiredBy;
    /**
     * True for a profile that HR moves or leaves started before anything made a person of the login: HR batches arrive
     * out of order, so a move may overtake the hire it follows, and its fields are kept (with their event times) for the
     * hire to complete. Until a hire, SCIM provisioning or the person's own sign-in clears it, the profile is nobody's:
     * not found, not listed, not indexed and never published ({@link PersonService}). Stored as true, or as no value.
     */
    public boolean pending;
    /** skill key (see {@link Skills#key}) → number of colleagues who endorsed it. */
    public Map<String, Integer> endorsements = new HashMap<>();
    /** posts and comments written (from relais.activities). */
    public long activityCount;
    /** skill key → posts and comments tagged with that skill as a hashtag. */
    public Map<String, Integer> topicalActivity = new HashMap<>();
    public Map<String, Long> fieldTimes = new HashMap<>();
    public long version;
    /** The last version whose snapshot is in the outbox; behind {@code version} only after a crash in between. */
    public long publishedVersion;
    public Instant createdAt;
    public Instant updatedAt;

    public record PhotoRef(String id, String contentType, long size) {
    }

    public Person(String login) {
        this.login = login;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** A person others may know of: any stored profile but a {@link #pending} one. */
    public boolean isPerson() {
        return !pending;
    }

    public Person copy() {
        return fromDocument(toDocument());
    }

    /** True when a change at {@code at} may set this HR field: nothing newer has set it already. */
    public boolean mayApply(ProfileField field, Instant at) {
        Long last = fieldTimes.get(field.json());
        return last == null || at.toEpochMilli() >= last;
    }

    public void stamp(ProfileField field, Instant at) {
        fieldTimes.put(field.json(), at.toEpochMilli());
    }

    /**
     * The form of an e-mail address two profiles may not share (RFC 5321 leaves the local part's case to the mail
     * server; every mail system a company runs ignores it): trimmed, lower-cased; null for none.
     */
    public static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public Document toDocument() {
        Document d = new Document("_id", login)
                .append("displayName", displayName).append("email", email).append("emailKey", emailKey(email)).append("title", title)
                .append("department", department).append("location", location).append("phone", phone)
                .append("managerLogin", managerLogin).append("pendingManager", pendingManager).append("startDate", startDate).append("status", status)
                .append("leftDate", leftDate).append("bio", bio).append("skills", skills)
                .append("languages", languages).append("externalId", externalId).append("hiredBy", hiredBy)
                .append("pending", pending ? Boolean.TRUE : null)
                .append("endorsements", encodeKeys(endorsements))
                .append("activityCount", activityCount)
                .append("topicalActivity", encodeKeys(topicalActivity))
                .append("fieldTimes", new Document(new HashMap<>(fieldTimes)))
                .append("version", version)
                .append("publishedVersion", publishedVersion)
                .append("createdAt", createdAt == null ? null : Date.from(createdAt))
                .append("updatedAt", updatedAt == null ? null : Date.from(updatedAt));
        if (photo != null) {
            d.append("photo", new Document("id", photo.id()).append("contentType", photo.contentType())
                    .append("size", photo.size()));
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    public static Person fromDocument(Document d) {
        Person p = new Person(d.getString("_id"));
        p.displayName = d.getString("displayName");
        p.email = d.getString("email");
        p.title = d.getString("title");
        p.department = d.getString("department");
        p.location = d.getString("location");
        p.phone = d.getString("phone");
        p.managerLogin = d.getString("managerLogin");
        p.pendingManager = d.getString("pendingManager");
        p.startDate = d.getString("startDate");
        p.status = Objects.requireNonNullElse(d.getString("status"), ACTIVE);
        p.leftDate = d.getString("leftDate");
        p.bio = d.getString("bio");
        p.skills = new ArrayList<>(d.getList("skills", String.class, List.of()));
        p.languages = new ArrayList<>(d.getList("languages", String.class, List.of()));
        p.externalId = d.getString("externalId");
        p.hiredBy = d.getString("hiredBy");
        p.pending = Boolean.TRUE.equals(d.getBoolean("pending"));
        p.endorsements = decodeCounts(d.get("endorsements", Document.class));
        Number activity = d.get("activityCount", Number.class);
        p.activityCount = activity == null ? 0 : activity.longValue();
        p.topicalActivity = decodeCounts(d.get("topicalActivity", Document.class));
        Document times = d.get("fieldTimes", Document.class);
        if (times != null) {
            times.forEach((k, v) -> p.fieldTimes.put(k, ((Number) v).longValue()));
        }
        Number version = d.get("version", Number.class);
        p.version = version == null ? 0 : version.longValue();
        Number published = d.get("publishedVersion", Number.class);
        p.publishedVersion = published == null ? p.version : published.longValue();
        Date created = d.getDate("createdAt");
        p.createdAt = created == null ? null : created.toInstant();
        Date updated = d.getDate("updatedAt");
        p.updatedAt = updated == null ? null : updated.toInstant();
        Document photo = d.get("photo", Document.class);
        if (photo != null) {
            p.photo = new PhotoRef(photo.getString("id"), photo.getString("contentType"),
                    photo.get("size", Number.class).longValue());
        }
        return p;
    }

    private static Document encodeKeys(Map<String, Integer> counts) {
        Document d = new Document();
        counts.forEach((k, v) -> d.append(Skills.fieldName(k), v));
        return d;
    }

    private static Map<String, Integer> decodeCounts(Document d) {
        Map<String, Integer> out = new HashMap<>();
        if (d != null) {
            d.forEach((k, v) -> out.put(Skills.fromFieldName(k), ((Number) v).intValue()));
        }
        return out;
    }
}
