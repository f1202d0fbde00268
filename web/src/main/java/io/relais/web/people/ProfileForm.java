package io.relais.web.people;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The profile edit form's values and, after profile-service refused them, the sentence for each refused field in the
 * reader's language. profile-service's 400 problem+json names fields by their API key and an English rule
 * ({@code errors: [{field: "languages[2]", message: "must be 2 to 40 characters"}]}, profile-service
 * {@code ProfileEdits}); the form shows the sentence under the field's label (the list fields' {@code [i]} point at
 * the whole list's input), never the key nor the English rule. A field the form does not have (a rule the service adds
 * later) is said in the form's summary.
 *
 * @param bio       the bio as typed (or stored), never null
 * @param phone     the phone number as typed, never null
 * @param location  the location as typed, never null
 * @param skills    the skills, comma-separated as typed, never null
 * @param languages the languages as chosen (BCP 47 tags, or older free text still on the profile), never null
 * @param errors    form field name ({@code bio}, {@code phone}, {@code location}, {@code skills}, {@code languages},
 *                  {@code photo}, or {@code form} for the rest) to its sentences; empty when nothing was refused
 * @param refusedLanguages the entries of {@code languages} profile-service named ({@code languages[i]})
 */
@io.quarkus.qute.TemplateData
public record ProfileForm(String bio, String phone, String location, String skills, List<String> languages,
                          Map<String, String> errors, Set<String> refusedLanguages) {

    /** The form's fields in page order, for focusing the first refused one. */
    static final List<String> FIELDS = List.of("bio", "skills", "languages", "phone", "location", "photo");

    private static final Pattern AT_MOST_CHARS = Pattern.compile("must be at most (\\d+) characters");
    private static final Pattern AT_MOST_ENTRIES = Pattern.compile("must hold at most (\\d+) entries");
    private static final Pattern ENTRY_LENGTH = Pattern.compile("must be (\\d+) to (\\d+) characters");
    private static final Pattern AT_MOST_BYTES = Pattern.compile("must be at most (\\d+) bytes");
    private static final Pattern ENTRY = Pattern.compile("languages\\[(\\d+)]");

    /**
     * The form filled from profile-service's person answer ({@code skills[].name}; {@code languages}, a list of BCP 47
     * tags — an entry written as an object gives its {@code text}).
     */
    static ProfileForm of(JsonNode person) {
        List<String> languages = new java.util.ArrayList<>();
        for (JsonNode language : person.path("languages")) {
            String value = language.isObject() ? language.path("text").asText("") : language.asText("");
            if (!value.isBlank()) {
                languages.add(value);
            }
        }
        return new ProfileForm(person.path("bio").asText(""), person.path("phone").asText(""),
                person.path("location").asText(""), joined(person.path("skills"), "name"), List.copyOf(languages), Map.of(),
                Set.of());
    }

    /** The form as typed, each field refused by this problem+json (null: none named) explained in the reader's words. */
    static ProfileForm refused(String bio, String phone, String location, String skills, List<String> languages,
                               JsonNode problem, ProfileMsg msg) {
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> refusedLanguages = new TreeSet<>();
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                String name = error.path("field").asText();
                String key = name.replaceFirst("\\[\\d+]$", "");
                String field = FIELDS.contains(key) ? key : "form";
                String entry = "";
                Matcher at = ENTRY.matcher(name);
                if (at.matches() && Integer.parseInt(at.group(1)) < languages.size()) {
                    entry = languages.get(Integer.parseInt(at.group(1)));
                    refusedLanguages.add(entry);
                }
                String sentence = sentence(error.path("message").asText(), entry, msg);
                errors.merge(field, sentence, (a, b) -> a.equals(b) ? a : a + " " + b);
            }
        }
        if (errors.isEmpty()) {
            errors.put("form", msg.profileFieldRefused());
        }
        return new ProfileForm(orEmpty(bio), orEmpty(phone), orEmpty(location), orEmpty(skills), List.copyOf(languages),
                Map.copyOf(errors), Set.copyOf(refusedLanguages));
    }

    /** The problem+json of a refusal, or null when its body is not one. */
    static JsonNode problemOf(ClientWebApplicationException e) {
        try {
            return e.getResponse().readEntity(JsonNode.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The sentence for this field, or null when it was not refused (the template's test). */
    public String error(String field) {
        return errors.get(field);
    }

    /** Whether anything was refused. */
    public boolean invalid() {
        return !errors.isEmpty();
    }

    /** The first refused field of the form in page order (it gets the focus), or null. */
    public String first() {
        return FIELDS.stream().filter(errors::containsKey).findFirst().orElse(null);
    }

    private static String sentence(String rule, String entry, ProfileMsg msg) {
        Matcher m;
        if ((m = AT_MOST_CHARS.matcher(rule)).matches()) {
            return msg.profileTooLong(Integer.parseInt(m.group(1)));
        }
        if ((m = AT_MOST_ENTRIES.matcher(rule)).matches()) {
            return msg.profileTooManyEntries(Integer.parseInt(m.group(1)));
        }
        if ((m = ENTRY_LENGTH.matcher(rule)).matches()) {
            return msg.profileEntryLength(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = AT_MOST_BYTES.matcher(rule)).matches()) {
            return msg.profilePhotoTooLarge((Long.parseLong(m.group(1)) + 1024 * 1024 - 1) / (1024 * 1024));
        }
        if (rule.startsWith("must be a phone number")) {
            return msg.profilePhoneFormat();
        }
        if (rule.startsWith("must be a BCP 47 language tag")) {
            // profile-service's Languages.RULE: an entry that is no known language (older free text, "Français")
            return msg.profileLanguageUnknown(entry);
        }
        return msg.profileFieldRefused();
    }

    private static String joined(JsonNode list, String name) {
        StringBuilder out = new StringBuilder();
        for (JsonNode item : list) {
            out.append(out.isEmpty() ? "" : ", ").append(item.path(name).asText());
        }
        return out.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
