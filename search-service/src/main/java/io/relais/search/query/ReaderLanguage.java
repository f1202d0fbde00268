package io.relais.search.query;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The language a reader reads hits in, and the order in which an item's languages are tried for them. As the web app
 * picks its own ({@code web}'s {@code Pages.locale}): the first of the request's {@code Accept-Language} that Relais
 * speaks (French or English), else English; an item is shown in that language, else English, else French, else the
 * first it has ({@code web}'s {@code BusinessCards}, {@code Formats.inLang}).
 */
public final class ReaderLanguage {

    /** The languages Relais speaks; the first is the default. */
    static final List<String> SPOKEN = List.of("en", "fr");

    private ReaderLanguage() {
    }

    /** {@code fr} or {@code en}, from {@code Accept-Language} (weights honoured); English when none or malformed. */
    public static String of(HttpHeaders headers) {
        try {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                String language = wanted.getLanguage().toLowerCase(Locale.ROOT);
                if (SPOKEN.contains(language)) return language;
            }
        } catch (RuntimeException malformedHeader) {
            // a broken Accept-Language is not worth refusing a search: the default language
        }
        return SPOKEN.get(0);
    }

    /**
     * The languages of an item in the order a reader of {@code reader} should be shown them: theirs, English, French,
     * then the item's others in its own order; only those the item has ({@code available}). A null reader: English first.
     */
    static List<String> order(String reader, Collection<String> available) {
        List<String> out = new ArrayList<>();
        for (String l : new String[]{reader, "en", "fr"}) if (l != null && available.contains(l) && !out.contains(l)) out.add(l);
        for (String l : available) if (!out.contains(l)) out.add(l);
        return out;
    }
}
