package io.relais.profile.person;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.events.Languages;
import io.relais.events.TextHygiene;
import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Reads PATCH bodies field by field, so an answer can name each field that may not be changed, or is
 * malformed, and say why. Absent fields are left alone; {@code null} clears a field.
 */
public final class ProfileEdits {

    public static final int MAX_BIO = 2_000;
    public static final int MAX_SKILLS = 50;
    public static final int MAX_SKILL_CHARS = 60;
    public static final int MAX_LANGUAGES = 20;

    private ProfileEdits() {
    }

    /** The employee's own edit: only employee-owned fields; HR-owned ones are refused with 403 naming them. */
    public static Consumer<Person> ownEdit(JsonNode body) {
        if (body == null || !body.isObject()) throw ProblemException.invalid("$", "must be a JSON object with the fields to change");
        List<Violation> forbidden = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        List<Consumer<Person>> steps = new ArrayList<>();
        Instant now = Instant.now();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            ProfileField field = ProfileField.byJson(name).orElse(null);
            if (field == null) {
                invalid.add(new Violation(name, "is not a profile field; you may edit bio, skills, languages, phone and location"));
                continue;
            }
            if (!field.employeeMayEdit()) {
                forbidden.add(new Violation(name, "is owned by HR: it changes through HR events, SCIM or an administrator"));
                continue;
            }
            switch (field) {
                case BIO -> {
                    String bio = text(invalid, name, value, MAX_BIO, true);
                    steps.add(p -> p.bio = bio);
                }
                case PHONE -> {
                    String phone = text(invalid, name, value, 30, false);
                    if (phone != null && !phone.matches("[+0-9 ().\\-/]{3,30}")) {
                        invalid.add(new Violation(name, "must be a phone number: digits, spaces and + ( ) . - /"));
                    }
                    steps.add(p -> p.phone = phone);
                }
                case LOCATION -> {
                    String location = text(invalid, name, value, 120, false);
                    steps.add(p -> {
                        p.location = location;
                        p.stamp(ProfileField.LOCATION, now);
                    });
                }
                case SKILLS -> {
                    List<String> skills = list(invalid, name, value, MAX_SKILLS, 1, MAX_SKILL_CHARS);
                    steps.add(p -> p.skills = skills);
                }
                case LANGUAGES -> {
                    List<String> languages = languages(invalid, name, value);
                    steps.add(p -> p.languages = languages);
                }
                case PHOTO -> invalid.add(new Violation(name, "is uploaded with PUT /api/people/me/photo"));
                default -> { }
            }
        }
        if (!forbidden.isEmpty()) {
            throw new ProblemException(Problem.of(403, "hr-owned-field", "Field owned by HR",
                    forbidden.size() == 1 ? forbidden.get(0).field() + " " + forbidden.get(0).message()
                            : forbidden.size() + " fields are owned by HR").withErrors(forbidden));
        }
        if (!invalid.isEmpty()) throw ProblemException.invalid(invalid);
        return p -> steps.forEach(s -> s.accept(p));
    }

    /** An administrator's edit of HR-owned fields (and location). */
    public static HrUpdate adminEdit(JsonNode body) {
        if (body == null || !body.isObject()) throw ProblemException.invalid("$", "must be a JSON object with the fields to change");
        Map<ProfileField, String> values = new LinkedHashMap<>();
        List<Violation> invalid = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ProfileField field = ProfileField.byJson(e.getKey()).orElse(null);
            if (field == null) {
                invalid.add(new Violation(e.getKey(), "is not a profile field"));
            } else if (!field.hrMayEdit()) {
                invalid.add(new Violation(e.getKey(), "is edited by the person themselves, not by an administrator"));
            } else if (!e.getValue().isNull() && !e.getValue().isTextual()) {
                invalid.add(new Violation(e.getKey(), "must be a string or null"));
            } else {
                values.put(field, e.getValue().isNull() ? null : e.getValue().asText());
            }
        }
        invalid.addAll(HrUpdate.validate(values));
        if (!invalid.isEmpty()) throw ProblemException.invalid(invalid);
        return new HrUpdate(values, Instant.now());
    }

    /**
     * A text field cleaned by the shared input-hygiene rule ({@link TextHygiene#text} for a multi-line
     * field such as the bio, {@link TextHygiene#line} otherwise), then trimmed and length-checked.
     */
    private static String text(List<Violation> invalid, String name, JsonNode value, int max, boolean multiLine) {
        if (value.isNull()) return null;
        if (!value.isTextual()) {
            invalid.add(new Violation(name, "must be a string or null"));
            return null;
        }
        String s = (multiLine ? TextHygiene.text(value.textValue()) : TextHygiene.line(value.textValue())).trim();
        if (s.length() > max) invalid.add(new Violation(name, "must be at most " + max + " characters"));
        return s.isEmpty() ? null : s;
    }

    /**
     * Languages as {@link Languages#canonical} tags, duplicates dropped; each entry that is not a string, is longer
     * than 40 characters or is not a known language's tag is named ({@code languages[0]}).
     */
    private static List<String> languages(List<Violation> invalid, String name, JsonNode value) {
        return list(invalid, name, value, MAX_LANGUAGES, text -> {
            String clean = Skills.clean(text);
            if (clean.length() > 40) throw new IllegalArgumentException("must be at most 40 characters");
            return Languages.canonical(clean);
        }, tag -> tag);
    }

    /** Skills (or any free-text list) as cleaned lines of {@code minChars} to {@code maxChars}, duplicates by {@link Skills#key} dropped. */
    private static List<String> list(List<Violation> invalid, String name, JsonNode value, int maxItems, int minChars, int maxChars) {
        return list(invalid, name, value, maxItems, text -> {
            String clean = Skills.clean(TextHygiene.line(text));
            if (clean.length() < minChars || clean.length() > maxChars) {
                throw new IllegalArgumentException("must be " + minChars + " to " + maxChars + " characters");
            }
            return clean;
        }, Skills::key);
    }

    /**
     * A JSON list of strings, each entry passed through {@code entry} (which returns what is stored, or throws
     * {@link IllegalArgumentException} whose message is the rule the entry breaks, reported as {@code name[i]}),
     * the first of each {@code key} kept; null gives an empty list.
     */
    private static List<String> list(List<Violation> invalid, String name, JsonNode value, int maxItems,
                                     UnaryOperator<String> entry, UnaryOperator<String> key) {
        if (value.isNull()) return new ArrayList<>();
        if (!value.isArray()) {
            invalid.add(new Violation(name, "must be a list of strings"));
            return List.of();
        }
        if (value.size() > maxItems) invalid.add(new Violation(name, "must hold at most " + maxItems + " entries"));
        Set<String> keys = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                invalid.add(new Violation(name + "[" + i + "]", "must be a string"));
                continue;
            }
            try {
                String kept = entry.apply(item.textValue());
                if (keys.add(key.apply(kept))) out.add(kept);
            } catch (IllegalArgumentException e) {
                invalid.add(new Violation(name + "[" + i + "]", e.getMessage()));
            }
        }
        return out;
    }
}
