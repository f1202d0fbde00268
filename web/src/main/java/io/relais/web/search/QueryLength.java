package io.relais.web.search;

import java.text.Normalizer;

/**
 * search-service refuses a query text over 500 characters (its {@code relais.search.max-query-chars}, counted after
 * NFC normalisation) with a 400 naming {@code q}. A person who pasted a long text into a search box has done nothing
 * wrong: the web searches for its first 500 characters and says so on the page, instead of an error page.
 */
public final class QueryLength {

    /** search-service's default {@code max-query-chars}. */
    public static final int MAX = 500;

    private QueryLength() {
    }

    /** The query as search-service will count it, cut to {@link #MAX} characters (never inside a surrogate pair). */
    public static String clip(String q) {
        String text = q == null ? "" : Normalizer.normalize(q, Normalizer.Form.NFC).strip();
        if (text.length() <= MAX) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return text.substring(0, end).strip();
    }

    public static boolean tooLong(String q) {
        return q != null && Normalizer.normalize(q, Normalizer.Form.NFC).strip().length() > MAX;
    }
}
