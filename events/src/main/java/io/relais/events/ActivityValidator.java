package io.relais.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rules every activity on {@code relais.activities} follows, checked before it is published or used. */
public final class ActivityValidator {

    public static final int MAX_CONTENT_CHARS = 20_000;
    public static final int MAX_NAME_CHARS = 500;
    public static final int MAX_SUMMARY_CHARS = 2_000;
    public static final int MAX_AUDIENCE = 100;
    public static final int MAX_TAGS = 100;
    public static final int MAX_ATTACHMENTS = 20;

    private static final Set<String> NEEDS_AUDIENCE = Set.of(As2.CREATE, As2.ANNOUNCE, As2.OFFER);

    private ActivityValidator() {
    }

    public static List<Violation> validate(Activity a) {
        List<Violation> v = new ArrayList<>();
        if (a == null) {
            v.add(new Violation("$", "must be a JSON object"));
            return v;
        }
        iri(v, "id", a.id(), true);
        if (a.type() == null || a.type().isBlank()) {
            v.add(new Violation("type", "is required"));
        } else if (!As2.ACTIVITY_TYPES.contains(a.type())) {
            v.add(new Violation("type", "must be one of the Activity Streams activity types " + sorted(As2.ACTIVITY_TYPES)));
        }
        iri(v, "actor", a.actor(), true);
        iri(v, "target", a.target(), false);
        if (a.published() == null) {
            v.add(new Violation("published", "is required (ISO-8601 date-time)"));
        }
        addresses(v, "to", a.to());
        addresses(v, "cc", a.cc());
        length(v, "summary", a.summary(), MAX_SUMMARY_CHARS);
        if (a.object() == null) {
            v.add(new Violation("object", "is required"));
        } else {
            object(v, "object", a.object(), a.type() != null && As2.EMBEDDING_TYPES.contains(a.type()));
        }
        if (a.type() != null && NEEDS_AUDIENCE.contains(a.type()) && a.audience().isEmpty()) {
            v.add(new Violation("to", "a " + a.type() + " needs an audience: at least one address in to/cc "
                    + "(the organisation, a community or a person)"));
        }
        if (a.generator() != null) {
            iri(v, "generator.id", a.generator().id(), true);
        }
        return v;
    }

    public static void requireValid(Activity a) {
        List<Violation> v = validate(a);
        if (!v.isEmpty()) {
            throw new InvalidActivityException(v);
        }
    }

    private static void object(List<Violation> v, String path, AsObject o, boolean embedded) {
        iri(v, path + ".id", o.id(), true);
        if (embedded) {
            if (o.type() == null || o.type().isBlank()) {
                v.add(new Violation(path + ".type", "is required when the object is embedded"));
            } else if (!As2.OBJECT_TYPES.contains(o.type())) {
                v.add(new Violation(path + ".type", "must be one of the Activity Streams object types " + sorted(As2.OBJECT_TYPES)));
            }
        }
        length(v, path + ".content", o.content(), MAX_CONTENT_CHARS);
        length(v, path + ".name", o.name(), MAX_NAME_CHARS);
        length(v, path + ".summary", o.summary(), MAX_SUMMARY_CHARS);
        iri(v, path + ".attributedTo", o.attributedTo(), false);
        iri(v, path + ".inReplyTo", o.inReplyTo(), false);
        iri(v, path + ".context", o.context(), false);
        addresses(v, path + ".to", o.to());
        addresses(v, path + ".cc", o.cc());
        if (o.tag() != null) {
            if (o.tag().size() > MAX_TAGS) {
                v.add(new Violation(path + ".tag", "must hold at most " + MAX_TAGS + " tags"));
            }
            for (int i = 0; i < o.tag().size(); i++) {
                Tag t = o.tag().get(i);
                if (t == null || (!As2.MENTION.equals(t.type()) && !As2.HASHTAG.equals(t.type()))) {
                    v.add(new Violation(path + ".tag[" + i + "].type", "must be Mention or Hashtag"));
                } else {
                    iri(v, path + ".tag[" + i + "].href", t.href(), true);
                }
            }
        }
        if (o.attachment() != null && o.attachment().size() > MAX_ATTACHMENTS) {
            v.add(new Violation(path + ".attachment", "must hold at most " + MAX_ATTACHMENTS + " attachments"));
        }
        if (o.size() != null && o.size() < 0) {
            v.add(new Violation(path + ".size", "must not be negative"));
        }
    }

    private static void addresses(List<Violation> v, String path, List<String> addresses) {
        if (addresses == null) return;
        if (addresses.size() > MAX_AUDIENCE) {
            v.add(new Violation(path, "must hold at most " + MAX_AUDIENCE + " addresses"));
        }
        for (int i = 0; i < addresses.size(); i++) {
            String a = addresses.get(i);
            if (!Audience.isOrganisationWide(a) && !Iri.isValid(a)) {
                v.add(new Violation(path + "[" + i + "]", "must be an IRI (the organisation, a community or a person)"));
            }
        }
    }

    private static void iri(List<Violation> v, String path, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) v.add(new Violation(path, "is required"));
        } else if (!Iri.isValid(value)) {
            v.add(new Violation(path, "must be an absolute IRI, for example urn:relais:person:alice"));
        }
    }

    private static void length(List<Violation> v, String path, String value, int max) {
        if (value != null && value.length() > max) {
            v.add(new Violation(path, "must be at most " + max + " characters"));
        }
    }

    private static String sorted(Set<String> s) {
        return s.stream().sorted().toList().toString();
    }
}
