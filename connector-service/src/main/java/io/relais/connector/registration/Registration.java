package io.relais.connector.registration;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * What a business system's OAuth client may do, stored with {@code _id} = client id: the sources it may
 * post as, where its cards go when an event names no audience, how the system is named on cards,
 * whether its generic activities may name people ({@link PeopleMatch}), and the private and secret
 * communities it may address ({@code communities}, slugs).
 *
 * @param communities the slugs of the private and secret communities an administrator opened to this system
 *                    (never null: empty for registrations stored before the field existed)
 */
public record Registration(String clientId, List<String> sources, AudienceSpec defaultAudience, String system,
                           String systemName, PeopleMatch people, List<String> communities, Instant updated) {

    /** Most communities one registration may list (its request is refused beyond, naming {@code communities}). */
    public static final int MAX_COMMUNITIES = 100;

    public Registration {
        people = people == null ? PeopleMatch.NONE : people;
        communities = communities == null ? List.of() : List.copyOf(communities);
    }

    public boolean mayPostAs(String source) {
        return sources.contains(source);
    }

    Document toDocument() {
        return new Document("_id", clientId).append("sources", sources)
                .append("defaultAudience", defaultAudience.text()).append("system", system)
                .append("systemName", systemName).append("people", people.id()).append("communities", communities)
                .append("updated", Date.from(updated));
    }

    static Registration fromDocument(Document d) {
        return new Registration(d.getString("_id"), d.getList("sources", String.class),
                AudienceSpec.parse(d.getString("defaultAudience")), d.getString("system"), d.getString("systemName"),
                PeopleMatch.of(d.getString("people")), d.getList("communities", String.class, List.of()),
                d.getDate("updated").toInstant());
    }
}
