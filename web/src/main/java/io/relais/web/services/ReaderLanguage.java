package io.relais.web.services;

import java.util.List;
import java.util.Locale;

/**
 * The web app's rule for the reader's language: the first of French and English in the request's
 * {@code Accept-Language} (weights honoured, as JAX-RS orders them), else English. The pages speak it
 * ({@code layout.Pages#locale}) and search-service is asked for it ({@link UserTokenAndLanguage}), so both agree.
 */
public final class ReaderLanguage {

    private ReaderLanguage() {
    }

    /** {@link Locale#FRENCH} or {@link Locale#ENGLISH}; English for none, or when the header cannot be read (null). */
    public static Locale of(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale wanted : acceptable) {
                if ("fr".equals(wanted.getLanguage())) {
                    return Locale.FRENCH;
                }
                if ("en".equals(wanted.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
