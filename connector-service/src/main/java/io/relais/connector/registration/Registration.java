package io.relais.connector.registration;

import io.relais.events.Iri;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * What a business system's OAuth client may do, stored with {@code _id} = client id: the sources it may
 * post as, where its cards go when an event names no audience, how the system is named on cards,
 * whether its generic activities may name people ({@link PeopleMatch}), and the private and secret
 * communities it may address ({@code communities}, slugs; see {@link #mayAddress}).
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

    /**
     * Whether this system may address the community {@code communityIri}, which feed-service announced with
     * {@code visibility}. A public community is open to the whole organisation, so to every registered system. A
     * private or secret one (or one whose visibility is anything else: the narrowest reading) only when an
     * administrator listed it in {@link #communities}, or made it this registration's default audience.
     *
     * <p>Both lanes (mapped business events and generic activities) refuse a community this answers false for
     * exactly as one that does not exist, word for word, so a connector cannot learn that a secret community exists
     * by addressing it (docs/SECURITY.md §1).
     */
    public boolean mayAddress(String communityIri, String visibility) {
        if ("public".equals(visibility)) return true;
        if (communityIri == null || !Iri.isKind(communityIri, Iri.COMMUNITY)) return false;
        String slug = Iri.localId(communityIri);
        return communities.contains(slug) || (AudienceSpec.COMMUNITY.equals(defaultAudience.kind())
                && slug.equals(defaultAudience.ref()));
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
