package io.relais.events;

import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The languages on a profile: BCP 47 tags (RFC 5646) of a language the JDK's locale data (CLDR) names, stored in
 * their canonical form ({@code FR} → {@code fr}, {@code pt-br} → {@code pt-BR}), so other services and the web app can
 * read them as locales. Well-formedness is {@link Locale.Builder#setLanguageTag}'s check; a language (or a region, when
 * one is given) is known when the JDK has an English name for it ({@code xx}, {@code en-XY} have none). Scripts,
 * variants and extensions are kept when well-formed. No ICU4J: {@link Locale} is enough for this.
 * <p>
 * One rule for the service that stores them (profile-service refuses any other entry) and the web app that offers
 * them as choices (it offers only what profile-service accepts).
 */
public final class Languages {

    /** What a language entry must be, for error messages. */
    public static final String RULE = "must be a BCP 47 language tag of a known language, such as fr, en or pt-BR";

    private Languages() {
    }

    /**
     * The canonical tag of {@code tag} (already cleaned by the input-hygiene rule).
     *
     * @throws IllegalArgumentException with the broken rule as its message, when ill-formed or of no known language
     */
    public static String canonical(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(RULE + " (" + tag + " is not well-formed)");
        }
        String language = locale.getLanguage();
        if (language.isEmpty() || locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(language)) {
            throw new IllegalArgumentException(RULE + " (" + tag + " names no known language)");
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && locale.getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(region)) {
            throw new IllegalArgumentException(RULE + " (" + tag + " names no known region)");
        }
        return locale.toLanguageTag();
    }

    /** The canonical tag of {@code value} (surrounding spaces stripped), or null when {@link #canonical} refuses it. */
    public static String canonicalOrNull(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return canonical(value.strip());
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }
}
