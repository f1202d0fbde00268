package io.relais.connector.registration;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * What a business system's OAuth client may do, stored with {@code _id} = client id: the sources it may
 * post as, where its cards go when an event names no audience, how the system is named on cards, and
 * whether its generic activities may name people ({@link PeopleMatch}).
 */
public record Registration(String clientId, List<String> sources, AudienceSpec defaultAudience, String system,
                           String systemName, PeopleMatch people, Instant updated) {

    public Registration {
        people = people == null ? PeopleMatch.NONE : people;
    }

    public boolean mayPostAs(String source) {
        return sources.contains(source);
    }

    Document toDocument() {
        return new Document("_id", clientId).append("sources", sources)
                .append("defaultAudience", defaultAudience.text()).append("system", system)
                .append("systemName", systemName).append("people", people.id()).append("updated", Date.from(updated));
    }

    static Registration fromDocument(Document d) {
        return new Registration(d.getString("_id"), d.getList("sources", String.class),
                AudienceSpec.parse(d.getString("defaultAudience")), d.getString("system"), d.getString("systemName"),
                PeopleMatch.of(d.getString("people")), d.getDate("updated").toInstant());
    }
}
