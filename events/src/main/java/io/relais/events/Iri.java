package io.relais.events;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Relais identifiers are IRIs of the form {@code urn:relais:<kind>:<local-id>}. Every service names
 * people, posts and communities this way, so an id read in an event means the same thing everywhere.
 */
public final class Iri {

    public static final String PREFIX = "urn:relais:";

    public static final String PERSON = "person";
    public static final String POST = "post";
    public static final String COMMENT = "comment";
    public static final String COMMUNITY = "community";
    public static final String HASHTAG = "hashtag";
    public static final String ACTIVITY = "activity";
    /**
     * Documents a business system published, named in that system's namespace:
     * {@code urn:relais:document:<source>.<system>:<its id>} ({@link #document}).
     */
    public static final String DOCUMENT = "document";
    public static final String BUSINESS_EVENT = "event";
    public static final String SOURCE = "source";
    /** Objects that a business system names itself: {@code urn:relais:external:<source>.<system>:<its id>}. */
    public static final String EXTERNAL = "external";
    /** A Relais service, as a fact names it ({@code urn:relais:service:profile-service} applies HR events: {@link HrAcceptance}). */
    public static final String SERVICE = "service";

    // local ids: letters, digits and a few separators; no spaces, no ':' so kind/local split is unambiguous
    private static final Pattern LOCAL_ID = Pattern.compile("[\\p{L}\\p{N}._~@+-]{1,200}");

    /**
     * The IRI of a business card as connector-service names it, as a regular expression for request validation
     * ({@code @Pattern}) by the services that let people act on cards (open, report, moderate): a business event
     * {@code urn:relais:event:<id>}, a document {@code urn:relais:document:<source>.<system>:<id>} ({@link #document};
     * also the former {@code urn:relais:document:<id>}, which cards stored before keep) or an external object
     * {@code urn:relais:external:<source>.<system>:<id>} ({@link #external}). Written once here, beside the methods
     * that build those IRIs, so a service checking a request never falls behind the connector naming the card (it had:
     * document cards of the namespaced shape were refused with 400 by every report, decision and open).
     */
    public static final String BUSINESS_CARD_PATTERN = "urn:relais:(?:event:[\\p{L}\\p{N}._~@+-]{1,200}"
            + "|document:(?:[\\p{L}\\p{N}._~@+-]{1,200}:)?[\\p{L}\\p{N}._~@+%-]{1,200}"
            + "|external:[\\p{L}\\p{N}._~@+-]{1,200}:[\\p{L}\\p{N}._~@+%-]{1,200})";

    private Iri() {
    }

    public static String of(String kind, String localId) {
        if (!LOCAL_ID.matcher(localId).matches()) {
            throw new IllegalArgumentException("invalid local id for " + kind + ": '" + localId + "'");
        }
        return PREFIX + kind + ":" + localId;
    }

    public static String person(String login) {
        return of(PERSON, login.toLowerCase(Locale.ROOT));
    }

    public static String post(String localId) {
        return of(POST, localId);
    }

    public static String comment(String localId) {
        return of(COMMENT, localId);
    }

    public static String community(String localId) {
        return of(COMMUNITY, localId);
    }

    public static String hashtag(String tag) {
        return of(HASHTAG, tag.toLowerCase(Locale.ROOT));
    }

    /**
     * The IRI of an object a business system created and names with its own id, in that system's namespace
     * {@code <source>.<system>} ({@link Producer#namespace}), so that a connector can only ever create, update or
     * delete its own objects: {@code urn:relais:external:generic.intranet:news-42}.
     *
     * @param namespace  the system's namespace, {@code <source>.<system>} (letters, digits, {@code . _ ~ @ + -})
     * @param externalId the system's own id; any character outside the IRI local-id alphabet is
     *                   percent-encoded, so two different ids never map to the same IRI
     * @throws IllegalArgumentException if the namespace is not a valid local id (it may not contain {@code :}), or
     *                                  the encoded id is empty or longer than 200 characters
     */
    public static String external(String namespace, String externalId) {
        return namespaced(EXTERNAL, namespace, externalId);
    }

    /**
     * The IRI of a document a business system published, in that system's namespace:
     * {@code urn:relais:document:ecm.sharepoint:DOC-42}. Stable across the document's versions (its
     * {@code document.updated} names the same card) and never shared between two systems, even of one source type,
     * that use the same ids: only the connector of that namespace may create, update or delete it
     * ({@link Producer#owns}, applied by every consumer through {@link SourceAuthority}).
     *
     * @param namespace  the system's namespace, {@code <source>.<system>}
     * @param documentId the system's own id of the document, percent-encoded as in {@link #external}
     * @throws IllegalArgumentException as {@link #external}
     */
    public static String document(String namespace, String documentId) {
        return namespaced(DOCUMENT, namespace, documentId);
    }

    /** {@code urn:relais:<kind>:<namespace>:<id>}, the id percent-encoded outside the local-id alphabet. */
    private static String namespaced(String kind, String namespace, String id) {
        if (namespace == null || !LOCAL_ID.matcher(namespace).matches()) {
            throw new IllegalArgumentException("invalid namespace: '" + namespace + "'");
        }
        StringBuilder encoded = new StringBuilder();
        id.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (LOCAL_ID.matcher(ch).matches() && cp != '%') {
                encoded.append(ch);
            } else {
                for (byte b : ch.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    encoded.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        });
        String local = encoded.toString();
        if (local.isEmpty() || local.length() > 200) {
            throw new IllegalArgumentException(kind + " id must be 1..200 characters once encoded");
        }
        return PREFIX + kind + ":" + namespace + ":" + local;
    }

    /** The namespace that owns an external IRI ({@code crm.salesforce} for {@code urn:relais:external:crm.salesforce:…}), else empty. */
    public static Optional<String> externalSource(String iri) {
        return isKind(iri, EXTERNAL) ? namespace(iri) : Optional.empty();
    }

    /**
     * The namespace {@code <source>.<system>} of an IRI a business system names: an external object
     * ({@code urn:relais:external:<namespace>:…}) or a document ({@code urn:relais:document:<namespace>:…}).
     * Empty for any other IRI, and for a document IRI of the former shape without a namespace
     * ({@code urn:relais:document:DOC-42}), which no system owns.
     */
    public static Optional<String> namespace(String iri) {
        if (!isKind(iri, EXTERNAL) && !isKind(iri, DOCUMENT)) {
            return Optional.empty();
        }
        String rest = localId(iri);
        int colon = rest.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(rest.substring(0, colon));
    }

    /** The kind of a Relais IRI ({@code person}, {@code post}…), empty for any other IRI. */
    public static Optional<String> kind(String iri) {
        if (iri == null || !iri.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = iri.indexOf(':', PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(iri.substring(PREFIX.length(), end));
    }

    public static boolean isKind(String iri, String kind) {
        return kind(iri).filter(kind::equals).isPresent();
    }

    /** The part after {@code urn:relais:<kind>:}; the input itself when it is not a Relais IRI. */
    public static String localId(String iri) {
        Optional<String> kind = kind(iri);
        return kind.map(k -> iri.substring(PREFIX.length() + k.length() + 1)).orElse(iri);
    }

    public static boolean isValid(String iri) {
        if (iri == null || iri.isBlank() || iri.length() > 400) {
            return false;
        }
        if (iri.startsWith(PREFIX)) {
            String rest = localId(iri);
            // a document of the former shape (no namespace) stays a readable IRI: cards stored before keep it
            if (isKind(iri, EXTERNAL) || (isKind(iri, DOCUMENT) && rest.indexOf(':') >= 0)) {
                int colon = rest.indexOf(':');
                return colon > 0 && LOCAL_ID.matcher(rest.substring(0, colon)).matches()
                        && rest.substring(colon + 1).matches("[\\p{L}\\p{N}._~@+%-]{1,200}");
            }
            return kind(iri).isPresent() && LOCAL_ID.matcher(localId(iri)).matches();
        }
        // any absolute IRI (https://…, urn:…, mailto:…) is acceptable in AS2
        return iri.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    }
}
