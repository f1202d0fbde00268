package io.relais.connector.registration;

import io.relais.events.Audience;
import io.relais.events.Iri;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a card goes, written as an admin would: {@code organisation}, {@code community:<slug>} (a
 * department is addressed through its community) or {@code person:<login>}.
 */
public record AudienceSpec(String kind, String ref) {

    public static final String ORGANISATION = "organisation";
    public static final String COMMUNITY = "community";
    public static final String PERSON = "person";

    /**
     * A community slug or a login as an audience names it: lower-case letters and digits, then also {@code . _ ~ @ + -},
     * at most 100 characters. Also what a registration's {@code communities} list holds.
     */
    public static final String REF_PATTERN = "[a-z0-9][a-z0-9._~@+-]{0,99}";

    private static final Pattern REF = Pattern.compile(REF_PATTERN);

    public static AudienceSpec organisation() {
        return new AudienceSpec(ORGANISATION, null);
    }

    public static AudienceSpec community(String slug) {
        return new AudienceSpec(COMMUNITY, slug);
    }

    /** Empty when the text is not one of the accepted forms. */
    public static Optional<AudienceSpec> tryParse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals(ORGANISATION)) return Optional.of(organisation());
        int colon = t.indexOf(':');
        if (colon < 0) return Optional.empty();
        String kind = t.substring(0, colon);
        String ref = t.substring(colon + 1);
        if ((kind.equals(COMMUNITY) || kind.equals(PERSON)) && REF.matcher(ref).matches()) {
            return Optional.of(new AudienceSpec(kind, ref));
        }
        return Optional.empty();
    }

    /** Whether {@code text} is written as a community slug ({@link #REF_PATTERN}). */
    public static boolean isSlug(String text) {
        return text != null && REF.matcher(text).matches();
    }

    public static AudienceSpec parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("not an audience: " + text));
    }

    public String text() {
        return ref == null ? kind : kind + ":" + ref;
    }

    /** The AS2 address: the organisation, a community IRI or a person IRI. */
    public String address() {
        return switch (kind) {
            case COMMUNITY -> Iri.community(ref);
            case PERSON -> Iri.person(ref);
            default -> Audience.ORGANISATION;
        };
    }
}
