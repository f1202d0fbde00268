package io.relais.feed.notification;

import io.relais.events.TextHygiene;
import org.jsoup.Jsoup;

/**
 * The plain-text excerpt a notification carries of the post or comment it is about: the sanitised HTML read by a
 * real HTML parser (jsoup) down to its text, so entities are decoded and no tag survives; cleaned to one line
 * ({@link TextHygiene#line}); at most {@value #MAX} characters, cut at a word boundary with an ellipsis. It is text,
 * never markup: pages escape it like any other text.
 */
public final class Excerpts {

    /** Characters of an excerpt, the ellipsis included. */
    public static final int MAX = 140;

    private Excerpts() {
    }

    /** The excerpt of sanitised HTML; empty for blank or null content. */
    public static String of(String html) {
        if (html == null || html.isBlank()) return "";
        String text = TextHygiene.line(Jsoup.parseBodyFragment(html).body().text()).replaceAll("\\s+", " ").strip();
        return cut(text, MAX);
    }

    /** {@code text} if it fits in {@code max} characters, else cut after the last whole word that fits, plus "…". */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int space = text.lastIndexOf(' ', max - 1);
        // a single very long word (a URL) is cut inside it rather than leaving almost nothing
        int end = space > max / 2 ? space : max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end).strip() + "…";
    }
}
