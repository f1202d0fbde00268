package io.relais.profile.person;

import io.relais.events.TextHygiene;
import io.relais.events.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change of HR-owned fields (from an HR event, SCIM or an administrator) that happened at {@code at}: HR's own
 * time for an HR event, the moment of the request otherwise ({@link Person#fieldTimes}). A field already set by a
 * later change keeps its value: HR events may arrive out of order. A leave without a date is dated the day of
 * {@code at} (UTC).
 * A null value clears the field.
 *
 * <p>Every value goes through the shared input-hygiene rule ({@link TextHygiene#line}: NFC, no control,
 * bidi-override or zero-width characters) before it is validated and before it is stored, whichever way
 * it came (HR event, SCIM, administrator): an HR display name with a NUL or a right-to-left override
 * never reaches a profile, a snapshot or a feed card.
 */
public record HrUpdate(Map<ProfileField, String> values, Instant at) {

    public HrUpdate {
        values = Collections.unmodifiableMap(clean(values));
    }

    /** The values as they will be stored: each one cleaned by {@link TextHygiene#line}; null stays null. */
    public static Map<ProfileField, String> clean(Map<ProfileField, String> values) {
        Map<ProfileField, String> out = new LinkedHashMap<>();
        values.forEach((field, value) -> out.put(field, TextHygiene.line(value)));
        return out;
    }

    /**
     * What is wrong with these values once cleaned, one violation per field ({@code field} = the JSON name
     * of the profile field): not an HR field, blank or too long text, an e-mail, login, date or status
     * that does not follow its rule.
     */
    public static List<Violation> validate(Map<ProfileField, String> values) {
        List<Violation> v = new ArrayList<>();
        clean(values).forEach((field, value) -> {
            if (!field.hrMayEdit()) {
                v.add(new Violation(field.json(), "is not an HR field: the person edits it on their own profile"));
                return;
            }
            if (value == null) {
                if (field == ProfileField.STATUS) v.add(new Violation(field.json(), "must be active or left"));
                return;
            }
            switch (field) {
                case DISPLAY_NAME -> text(v, field, value, 200);
                case TITLE, DEPARTMENT, LOCATION -> text(v, field, value, 120);
                case EMAIL -> {
                    if (value.length() > 254 || !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                        v.add(new Violation(field.json(), "must be an e-mail address, e.g. alice@example.com"));
                    }
                }
                case MANAGER -> {
                    if (!Logins.isValid(value)) v.add(new Violation(field.json(), Logins.whyNot(value)));
                }
                case START_DATE -> {
                    try {
                        LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        v.add(new Violation(field.json(), "must be a date YYYY-MM-DD"));
                    }
                }
                case STATUS -> {
                    if (!Person.ACTIVE.equals(value) && !Person.LEFT.equals(value)) {
                        v.add(new Violation(field.json(), "must be active or left"));
                    }
                }
                default -> { }
            }
        });
        return v;
    }

    /**
     * True when every value is the one the profile holds now, as {@link #applyTo} would store it (a manager still
     * awaited counts as held): applying this update would change nothing anyone sees.
     */
    public boolean agreesWith(Person p) {
        return values.entrySet().stream().allMatch(e -> {
            String v = stored(e.getValue());
            return switch (e.getKey()) {
                case DISPLAY_NAME -> Objects.equals(v, p.displayName);
                case EMAIL -> Objects.equals(v, p.email);
                case TITLE -> Objects.equals(v, p.title);
                case DEPARTMENT -> Objects.equals(v, p.department);
                case LOCATION -> Objects.equals(v, p.location);
                case MANAGER -> Objects.equals(Logins.normalise(v), p.pendingManager != null ? p.pendingManager : p.managerLogin);
                case START_DATE -> Objects.equals(v, p.startDate);
                case STATUS -> Objects.equals(v, p.status);
                default -> true;
            };
        });
    }

    /** A value as it is stored: trimmed, blank = none. */
    private static String stored(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void text(List<Violation> v, ProfileField f, String value, int max) {
        if (value.isBlank()) v.add(new Violation(f.json(), "must not be blank"));
        else if (value.length() > max) v.add(new Violation(f.json(), "must be at most " + max + " characters"));
    }

    /** Applies what is not older than the field's last change; a leave also records its date. */
    public void applyTo(Person p) {
        values.forEach((field, value) -> {
            if (!p.mayApply(field, at)) return;
            p.stamp(field, at);
            String v = stored(value);
            switch (field) {
                case DISPLAY_NAME -> p.displayName = v;
                case EMAIL -> p.email = v;
                case TITLE -> p.title = v;
                case DEPARTMENT -> p.department = v;
                case LOCATION -> p.location = v;
                case MANAGER -> {
                    // the newest named manager wins, including over one still awaited
                    p.managerLogin = Logins.normalise(v);
                    p.pendingManager = null;
                }
                case START_DATE -> p.startDate = v;
                case STATUS -> {
                    p.status = v;
                    if (Person.ACTIVE.equals(v)) p.leftDate = null;
                    else if (p.leftDate == null) p.leftDate = at.toString().substring(0, 10);
                }
                default -> { }
            }
        });
    }
}
