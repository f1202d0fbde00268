package io.relais.profile.person;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Audience;
import io.relais.events.Iri;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full profile as other services learn it on {@code relais.profiles}: an AS2 {@code Update} of a
 * {@code Person} (shape fixed by the cross-service contract). Counters are not part of it.
 */
public final class ProfileSnapshot {

    private ProfileSnapshot() {
    }

    public static AsObject person(Person p, String publicUrl) {
        Map<String, Object> relais = new LinkedHashMap<>();
        relais.put("login", p.login);
        put(relais, "email", p.email);
        put(relais, "title", p.title);
        put(relais, "department", p.department);
        put(relais, "location", p.location);
        if (p.managerLogin != null) {
            relais.put("manager", Iri.person(p.managerLogin));
            relais.put("managerLogin", p.managerLogin);
        }
        put(relais, "startDate", p.startDate);
        relais.put("status", p.status);
        put(relais, "leftDate", p.leftDate);
        relais.put("skills", p.skills);
        relais.put("languages", p.languages);
        put(relais, "bio", p.bio);
        put(relais, "phone", p.phone);
        AsObject.Builder b = AsObject.builder().id(Iri.person(p.login)).type(As2.PERSON)
                .name(p.displayName != null ? p.displayName : p.login).summary(p.title).relais(relais);
        if (p.photo != null) {
            b.icon(AsObject.builder().type(As2.IMAGE).mediaType(p.photo.contentType())
                    .url(photoUrl(publicUrl, p)).build());
        }
        return b.build();
    }

    /**
     * The absolute photo URL of a snapshot, {@code <publicUrl>/api/people/<login>/photo?v=<photo id>}, or null without
     * a photo. Absolute because the services that keep it (feed-service, search-service) hand it on from their own
     * origins; {@code profile.public-url} must therefore be where clients reach this API with their bearer token
     * (docs/DEPLOY.md: the ingress routes this path to profile-service).
     */
    public static String photoUrl(String publicUrl, Person p) {
        return p.photo == null ? null : publicUrl + PersonView.photoPath(p);
    }

    public static Activity update(Person p, String publicUrl, String actorIri) {
        return Activity.builder().type(As2.UPDATE).actor(actorIri).object(person(p, publicUrl))
                .to(Audience.ORGANISATION).build();
    }

    private static void put(Map<String, Object> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
