package io.relais.web.people;

import io.quarkus.qute.TemplateData;
import io.relais.events.Languages;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The profile form's languages as choices: BCP 47 tags (what profile-service accepts, by the shared rule
 * {@link Languages#canonical}: a well-formed tag of a language the JDK's locale data names), each labelled in
 * the reader's language from the same JDK/CLDR data ({@code fr} reads "French" to an English reader, "français" to a
 * French one). The person's own languages come first, ticked, in their order; then every other ISO 639 language the
 * JDK names, sorted for the reader ({@link Collator}). A held value that is no language (text typed before the rule,
 * "Français") is shown as written, so it can be unticked.
 *
 * @param held   the person's languages (or what they sent back), ticked
 * @param others every other language, not ticked
 */
@TemplateData
public record LanguageChoices(List<Choice> held, List<Choice> others) {

    /**
     * One checkbox.
     *
     * @param tag     the value sent: a BCP 47 tag, or a held value as written
     * @param label   its name in the reader's language, first letter capitalised
     * @param refused whether profile-service refused this entry
     */
    @TemplateData
    public record Choice(String tag, String label, boolean refused) {
    }

    /**
     * @param held    the person's languages, in order (tags, or older free text)
     * @param refused the held entries profile-service refused
     * @param reader  the reader's locale, for the labels and their order
     */
    static LanguageChoices of(List<String> held, Set<String> refused, Locale reader) {
        List<Choice> mine = named(held, refused, reader);
        Collator order = Collator.getInstance(reader);
        List<Choice> others = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        mine.forEach(c -> seen.add(c.tag()));
        for (String code : Locale.getISOLanguages()) {
            String tag = canonical(code);
            if (tag != null && seen.add(tag)) {
                others.add(new Choice(tag, label(Locale.forLanguageTag(tag).getDisplayLanguage(reader), reader), false));
            }
        }
        others.sort(Comparator.comparing(Choice::label, order));
        return new LanguageChoices(List.copyOf(mine), List.copyOf(others));
    }

    /** These languages named for the reader ("pt-BR" → "Portuguese (Brazil)"), duplicates dropped; free text as written. */
    static List<Choice> named(List<String> held, Set<String> refused, Locale reader) {
        Set<String> keys = new LinkedHashSet<>();
        List<Choice> named = new ArrayList<>();
        for (String value : held) {
            String tag = canonical(value);
            String key = tag == null ? value : tag;
            if (keys.add(key)) {
                named.add(new Choice(key, tag == null ? value : label(Locale.forLanguageTag(tag).getDisplayName(reader), reader),
                        refused.contains(value)));
            }
        }
        return List.copyOf(named);
    }

    /** The tag as profile-service stores it ({@code pt-br} → {@code pt-BR}), or null when it refuses the value. */
    static String canonical(String value) {
        return Languages.canonicalOrNull(value);
    }

    /** CLDR writes French language names in lower case ("français"): a list of choices starts each with a capital. */
    private static String label(String name, Locale reader) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(reader) + name.substring(1);
    }
}
