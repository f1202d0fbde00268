package io.relais.profile.hr;

import io.relais.events.Activity;
import io.relais.events.RelaisExtension;
import io.relais.events.SourceAuthority;
import io.relais.events.Violation;
import io.relais.profile.person.HrUpdate;
import io.relais.profile.person.Logins;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.ProfileField;
import io.relais.profile.person.UnknownManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies HR business events (from connector-service) to profiles: hire, move, leave. The connector
 * keys records by event id, so one person's events may come on different partitions and out of order:
 * each field keeps the value of the latest change by event time, and a move or leave that overtakes
 * the hire starts the profile that the hire completes.
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
        String login = text(data.get("login"));
        if (!Logins.isValid(login)) {
            throw new InvalidHrEvent(eventType + ": data.login " + Logins.RULE);
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
                return; // celebrated in the feed; nothing on the profile changes
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
        HrUpdate update = new HrUpdate(values, activity.published());
        try {
            // HR may name a manager hired later in the same batch: the link awaits their profile (UnknownManager.AWAIT)
            people.change(id, true, activity.actor(), UnknownManager.AWAIT, p -> {
                update.applyTo(p);
                boolean leaveApplied = LEFT.equals(eventType)
                        && Long.valueOf(activity.published().toEpochMilli()).equals(p.fieldTimes.get(ProfileField.STATUS.json()));
                if (leaveApplied && leftDate != null) p.leftDate = leftDate;
            });
        } catch (io.relais.kit.error.ProblemException e) {
            // a manager that is the person themselves, or would create a reporting cycle
            throw new InvalidHrEvent(eventType + " for " + id + ": " + e.problem().errors().stream()
                    .map(v -> "data." + v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
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
