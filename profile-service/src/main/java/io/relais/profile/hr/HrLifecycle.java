package io.relais.profile.hr;

import io.relais.events.Activity;
import io.relais.events.AsObject;
import io.relais.events.HrAcceptance;
import io.relais.events.RelaisExtension;
import io.relais.events.SourceAuthority;
import io.relais.events.Violation;
import io.relais.kit.outbox.Outbox;
import io.relais.profile.person.HrUpdate;
import io.relais.profile.person.Logins;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.ProfileField;
import io.relais.profile.person.UnknownManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies HR business events (from connector-service) to profiles: hire, move, leave. The connector
 * keys records by event id, so one person's events may come on different partitions and out of order,
 * and HR itself may send a change after a newer one: each field keeps the value of the latest change by
 * HR's own time ({@link #hrTime}: the event's {@code occurredAt}, not when it reached Relais), and a move or
 * leave that overtakes the hire starts the profile that the hire completes. Until then that profile is {@link Person#pending pending}: not
 * a person (404, listed nowhere, no snapshot on {@code relais.profiles}), so an HR move or leave naming a login HR never
 * hired, SCIM never provisioned and nobody signed in with makes no one up; the hire publishes it with the moves merged.
 * <p>
 * A hire never takes over a working employee: an {@code employee.hired} for a login HR already has as an active
 * person, with other data, is refused and dead-lettered ({@link #refuseSecondHire} states the rule). Every HR card is
 * shown from this service's announcement only ({@link HrAcceptance#accepted}), made once the event is applied to a
 * person others may see: the hire that made them active (not one HR dates before their leave), a move that set a field,
 * a leave that set the status, an anniversary of a person (not pending, not erased). A refused hire, an event passed
 * over, and a move or leave kept on a pending profile never reach the feed or search; the hire that completes a pending
 * profile announces its welcome only.
 * <p>
 * An erasure (an administrator's request, SCIM DELETE) is final for what HR said before it: an event about an erased
 * login that HR dates, or that was published, before the erasure is passed over, whether or not a profile exists again
 * (the person signed in since), and of the later ones only a hire starts a profile that does not exist. The hire that made them, delivered
 * again or replayed from the topic, and HR's later report of a leave, had brought an erased person back, here and,
 * through a new snapshot, in every other service.
 */
@ApplicationScoped
public class HrLifecycle {

    private static final Logger LOG = Logger.getLogger(HrLifecycle.class);

    public static final String HIRED = "employee.hired";
    public static final String MOVED = "employee.moved";
    public static final String LEFT = "employee.left";
    public static final String ANNIVERSARY = "employee.anniversary";

    private static final Map<String, ProfileField> HIRE_KEYS = Map.of(
            "displayName", ProfileField.DISPLAY_NAME, "email", ProfileField.EMAIL, "title", ProfileField.TITLE,
            "department", ProfileField.DEPARTMENT, "manager", ProfileField.MANAGER, "location", ProfileField.LOCATION,
            "startDate", ProfileField.START_DATE);
    private static final Map<String, ProfileField> MOVE_KEYS = Map.of(
            "title", ProfileField.TITLE, "department", ProfileField.DEPARTMENT, "manager", ProfileField.MANAGER,
            "location", ProfileField.LOCATION);

    @Inject
    PersonService people;

    @Inject
    Outbox outbox;

    /**
     * The {@code relais.business} extension of an HR event, if this activity is one (the consumer has already
     * checked, through {@code SourceCheck}, that its producer may assert HR facts).
     */
    public static Optional<RelaisExtension.Business> hrBusiness(Activity a) {
        return RelaisExtension.businessOf(a).filter(b -> SourceAuthority.HR_SOURCE.equals(b.source()));
    }

    /** Applies one HR event; throws {@link InvalidHrEvent} (→ dead-letter topic) when it cannot be applied. */
    public void apply(Activity activity, RelaisExtension.Business business) {
        String eventType = String.valueOf(business.eventType());
        Map<String, Object> data = business.data();
        List<Violation> notText = keysRead(eventType).stream().sorted()
                .filter(key -> data.get(key) != null && !(data.get(key) instanceof String))
                .map(key -> new Violation(key, "must be a string")).toList();
        if (!notText.isEmpty()) {
            // what this service stores is text: an object, list or number would be stored as Java renders it ({a=1}, [x], 42)
            throw new InvalidHrEvent(eventType + ": " + notText.stream().map(v -> "data." + v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        String login = text(data.get("login"));
        if (!Logins.isValid(login)) {
            throw new InvalidHrEvent(eventType + ": data.login " + Logins.whyNot(login));
        }
        String id = Logins.normalise(login);
        Map<ProfileField, String> values = new LinkedHashMap<>();
        switch (eventType) {
            case HIRED -> {
                HIRE_KEYS.forEach((key, field) -> {
                    if (data.containsKey(key)) values.put(field, text(data.get(key)));
                });
                values.put(ProfileField.STATUS, Person.ACTIVE);
            }
            case MOVED -> MOVE_KEYS.forEach((key, field) -> {
                if (data.containsKey(key)) values.put(field, text(data.get(key)));
            });
            case LEFT -> values.put(ProfileField.STATUS, Person.LEFT);
            case ANNIVERSARY -> {
                announceAnniversary(activity, id); // nothing on the profile changes
                return;
            }
            default -> {
                LOG.debugf("HR event type %s has no effect on profiles", eventType);
                return;
            }
        }
        List<Violation> violations = HrUpdate.validate(values);
        String leftDate = text(data.get("leftDate"));
        if (leftDate != null && !isDate(leftDate)) violations.add(new Violation("leftDate", "must be a date YYYY-MM-DD"));
        if (!violations.isEmpty()) {
            throw new InvalidHrEvent(eventType + " for " + id + ": " + violations.stream()
                    .map(v -> "data." + v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
        Instant at = hrTime(activity);
        HrUpdate update = new HrUpdate(values, at);
        // whether this event is what the stored profile now says (decided at each attempt of the write, on what it read)
        boolean[] applied = {false};
        try {
            // HR may name a manager hired later in the same batch: the link awaits their profile (UnknownManager.AWAIT)
            Person after = people.change(id, true, activity.actor(), UnknownManager.AWAIT, p -> {
                // asked at every attempt, after the profile is read: an erasure recorded while this event was being
                // applied is seen here when the write is tried again (PersonService.change retries a write that raced it)
                passOverAfterErasure(id, eventType, at, p);
                if (HIRED.equals(eventType)) refuseSecondHire(id, p, activity, update);
                // a move or leave of a login nobody has made a person starts a pending profile: kept for the hire,
                // shown and published to no one until then; a hire (applied, even older than a leave) completes it
                if (p.version == 0 && !HIRED.equals(eventType)) p.pending = true;
                if (HIRED.equals(eventType)) p.pending = false;
                update.applyTo(p);
                // applied: no change HR dates later has set the status (a hire HR dates before a leave completes the
                // profile, shown as left; it is not what made them active, so no welcome card)
                boolean hireApplied = HIRED.equals(eventType)
                        && Long.valueOf(at.toEpochMilli()).equals(p.fieldTimes.get(ProfileField.STATUS.json()));
                if (hireApplied) p.hiredBy = activity.id();
                boolean leaveApplied = LEFT.equals(eventType)
                        && Long.valueOf(at.toEpochMilli()).equals(p.fieldTimes.get(ProfileField.STATUS.json()));
                if (leaveApplied && leftDate != null) p.leftDate = leftDate;
                // a move is applied when a field it names now holds its value (one HR dates later keeps a newer one)
                boolean moveApplied = MOVED.equals(eventType) && values.keySet().stream()
                        .anyMatch(f -> Long.valueOf(at.toEpochMilli()).equals(p.fieldTimes.get(f.json())));
                applied[0] = leaveApplied || moveApplied;
            });
            // the hire that made them active, or the move or leave this profile now holds, applied now or delivered
            // again after a failure: announced (again), the same activity each time; the profile is stored first, so
            // the card never names a person not yet there. A pending profile is seen by no one, so neither is its card;
            // its hire announces the welcome only, not the moves kept for it.
            boolean announce = HIRED.equals(eventType) ? activity.id() != null && activity.id().equals(after.hiredBy)
                    : applied[0] && after.isPerson();
            if (announce && HrAcceptance.awaitsAcceptance(activity)) outbox.append(HrAcceptance.accepted(activity));
        } catch (PassedOver e) {
            // passed over, not dead-lettered (a dead letter would keep their data once more)
            LOG.infof("%s %s passed over: %s", eventType, activity.id(), e.getMessage());
        } catch (io.relais.kit.error.ProblemException e) {
            if (e.problem().errors() == null || e.problem().errors().isEmpty()) throw e; // e.g. 409: tried again
            // a manager that is the person themselves, or would create a reporting cycle
            throw new InvalidHrEvent(eventType + " for " + id + ": " + e.problem().errors().stream()
                    .map(v -> "data." + v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
    }

    /**
     * An anniversary changes no profile; its card is announced ({@link HrAcceptance#accepted}) when it names a person
     * others may see (not a pending profile, not an erased login) and HR dates it after any erasure of that login, as
     * every other HR event is judged ({@link #passOverAfterErasure}). Delivered again, it is announced again: the same
     * activity.
     */
    private void announceAnniversary(Activity activity, String login) {
        if (!HrAcceptance.awaitsAcceptance(activity)) return;
        Optional<Instant> erased = people.erasedAt(login);
        if (erased.isPresent() && !hrTime(activity).isAfter(erased.get())) {
            LOG.infof("%s %s passed over: HR dates it before its person was erased", ANNIVERSARY, activity.id());
            return;
        }
        if (people.find(login).isEmpty()) {
            LOG.infof("%s %s passed over: no person %s", ANNIVERSARY, activity.id(), login);
            return;
        }
        outbox.append(HrAcceptance.accepted(activity));
    }

    /**
     * When HR says the change happened, the time every comparison here uses (field by field, the hire or leave that set
     * the status, a second hire, an erasure): the object's {@code updated} (an {@code Update}), else its
     * {@code published} (a {@code Create}) — connector-service puts the event's {@code occurredAt} there and dates the
     * activity itself when it receives the event — but no later than the activity's {@code published}. So a hire HR
     * dates 09:00 that arrives after a move HR dates 10:00 leaves the move's fields. The cap: HR's clock may be ahead of
     * Relais' (connector-service accepts an {@code occurredAt} up to 5 minutes ahead), and a change dated after its own
     * arrival would hold off a later edit by SCIM, an administrator or the person, which are dated when they are made.
     * An object without a time (no shipped mapping makes one) is dated by the activity's {@code published}. Every
     * delivery of an activity gets the same time, so a redelivery is recognised as such.
     */
    static Instant hrTime(Activity activity) {
        Instant received = activity.published();
        AsObject object = activity.object();
        Instant said = object == null ? null : object.updated() != null ? object.updated() : object.published();
        return said == null || said.isAfter(received) ? received : said;
    }

    /**
     * An erasure is final for what HR said before it (README, Governance): an event HR dates at or before the erasure
     * ({@link #hrTime}, which is never after the event's publication, so one published before the erasure is among
     * them) is passed over, whether or not a profile exists again; a hire, move or leave HR dates before the erasure and
     * sends late (a delayed batch, a record resent under a new event id) is a fact about the erased person too, and it
     * neither brings them back nor fills the profile they start again by signing in. A rehire HR dates before the
     * erasure is passed over as well: HR sends it again dated now. After the erasure only a hire starts a profile that
     * does not exist ({@code p} is new: version 0). Read at each attempt of the write, so an erasure that happens while
     * the event is being applied wins too, whichever finishes last.
     *
     * @throws PassedOver when the event must not be applied
     */
    private void passOverAfterErasure(String login, String eventType, Instant at, Person p) {
        Optional<Instant> erased = people.erasedAt(login);
        if (erased.isEmpty()) return;
        if (!at.isAfter(erased.get())) throw new PassedOver("HR dates it " + at + ", before its person was erased");
        if (p.version == 0 && !HIRED.equals(eventType)) {
            throw new PassedOver("its person was erased and only a later hire starts a new profile");
        }
    }

    /** An HR event about an erased person that must not be applied; logged, neither applied nor dead-lettered. */
    private static final class PassedOver extends RuntimeException {
        PassedOver(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Refuses a hire for a login HR already has as an active person, unless it is harmless. An HR feed that reuses a
     * working employee's login for a new hire would otherwise overwrite their name, e-mail and job (and connector-service
     * cannot tell: profile-service owns people). The profile is HR's once HR has set its status (a hire, a leave, SCIM
     * provisioning, an administrator's correction: {@code fieldTimes.status}); people who exist before that (a first
     * login, a move that overtook the hire) are HR's to introduce, and their first hire completes them. HR data carries
     * no employee number to compare, so the login and the hire's own id decide. Accepted:
     * <ul>
     *   <li>no profile, or one whose status HR never set: the hire creates or completes it;</li>
     *   <li>a person who left: a rehire;</li>
     *   <li>the hire that made them active, delivered again (same activity id, kept in {@code hiredBy}; for people
     *       hired before it was kept, the same event time as their status);</li>
     *   <li>a hire HR dates before the change that made them active ({@link #hrTime}; one person's events arrive out
     *       of order): applied field by field as every HR event is, so it cannot change a newer value;</li>
     *   <li>a hire that says what the profile already holds (HR resending the record under a new event id): nothing
     *       anyone sees changes, nothing is published.</li>
     * </ul>
     * Anything else is a second hire of an active person: {@link InvalidHrEvent} naming {@code data.login}, before
     * anything is stored, so nothing changes and no snapshot is published.
     */
    static void refuseSecondHire(String login, Person p, Activity hire, HrUpdate update) {
        Long statusSetAt = p.fieldTimes.get(ProfileField.STATUS.json());
        if (statusSetAt == null || !p.isActive()) return;
        if (hire.id() != null && hire.id().equals(p.hiredBy)) return;
        long at = hrTime(hire).toEpochMilli();
        if (p.hiredBy == null && at == statusSetAt) return;
        if (at < statusSetAt) return;
        if (update.agreesWith(p)) return;
        throw new InvalidHrEvent(HIRED + " for " + login + ": data.login " + login + " is already an active person; "
                + "a change of job is " + MOVED + ", a return after " + LEFT + " is a new hire");
    }

    /** The keys of {@code data} this service reads for an event type (others, such as an anniversary's years, it leaves). */
    private static java.util.Set<String> keysRead(String eventType) {
        java.util.Set<String> keys = new java.util.HashSet<>(java.util.Set.of("login", "leftDate"));
        if (HIRED.equals(eventType)) keys.addAll(HIRE_KEYS.keySet());
        if (MOVED.equals(eventType)) keys.addAll(MOVE_KEYS.keySet());
        return keys;
    }

    /** A value of {@code data} this service reads, already known to be a string or null ({@link #keysRead}). */
    private static String text(Object o) {
        return (String) o;
    }

    private static boolean isDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** An HR event that cannot be applied; its message is the dead-letter reason. */
    public static class InvalidHrEvent extends RuntimeException {
        public InvalidHrEvent(String message) {
            super(message);
        }
    }
}
