package io.relais.feed.profile;

import io.relais.events.Iri;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Display data of people, a read model of the compacted {@code relais.profiles} topic. */
@ApplicationScoped
public class ProfileDirectory {

    public PersonSummary displayOf(String personIri) {
        String login = Iri.localId(personIri);
        return new PersonSummary(personIri, login, login, null, null);
    }

    /** Several at once (one keyed read), in input order. */
    public Map<String, PersonSummary> displaysOf(Collection<String> personIris) {
        Map<String, PersonSummary> out = new LinkedHashMap<>();
        for (String iri : personIris) out.put(iri, displayOf(iri));
        return out;
    }
}
