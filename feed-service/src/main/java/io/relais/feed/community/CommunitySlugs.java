package io.relais.feed.community;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The slug feed-service chooses when a request to create a community names none (the web's create form never names
 * one): the name in slug form ({@link #base}), {@code équipe Atlas} → {@code equipe-atlas}. The first free one of
 * {@link #candidates} is taken, silently: the base, then {@code -2} … {@code -20}, then random endings. A secret
 * community's slug always ends with a random part ({@value #RANDOM_LENGTH} letters or digits, about 41 bits), so it
 * cannot be guessed from its name; and as a secret community's name is free to whoever may not see it
 * ({@code CommunityService#create}), an open community named alike gets its plain slug, not a numbered one telling
 * that something holds it.
 */
final class CommunitySlugs {

    /** The slug rule of {@code CommunityRequests.CreateCommunity}: 3 to 50 lower-case letters, digits or '-'. */
    static final int MAX_LENGTH = 50;

    /** Numbered endings tried before random ones ({@code -2} … this). */
    static final int NUMBERED = 20;

    static final int RANDOM_LENGTH = 8;

    /** Random endings tried after the numbered ones (a secret community: the only ones). */
    static final int RANDOM_TRIES = 5;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CommunitySlugs() {
    }

    /**
     * The name in slug form: compatibility decomposition (full-width letters become plain ones), accents removed, lower
     * case, every run of anything but {@code a-z} and {@code 0-9} one {@code -}, none at either end; shorter than 3
     * characters, {@code -community} is added ({@code community} for a name of no Latin letter or digit).
     */
    static String base(String name) {
        String bare = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (bare.length() < 3) bare = bare.isEmpty() ? "community" : bare + "-community";
        return cut(bare, MAX_LENGTH);
    }

    /** The slugs to try, in order, for a community of this name and visibility (see the class comment). */
    static List<String> candidates(String name, Visibility visibility) {
        String base = base(name);
        List<String> out = new ArrayList<>();
        if (visibility != Visibility.SECRET) {
            out.add(base);
            for (int n = 2; n <= NUMBERED; n++) out.add(ending(base, Integer.toString(n)));
        }
        for (int i = 0; i < RANDOM_TRIES; i++) out.add(ending(base, random()));
        return out;
    }

    private static String ending(String base, String suffix) {
        return cut(base, MAX_LENGTH - suffix.length() - 1) + "-" + suffix;
    }

    private static String cut(String slug, int length) {
        return slug.length() <= length ? slug : slug.substring(0, length).replaceAll("-+$", "");
    }

    private static String random() {
        StringBuilder out = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return out.toString();
    }
}
