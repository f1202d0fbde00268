package io.relais.events;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is reading: a person, the communities they belong to, and whether they are an internal
 * employee (external guests do not see organisation-wide content).
 */
public record Viewer(String person, Set<String> communities, boolean internal) {

    public Viewer {
        if (person == null || person.isBlank()) {
            throw new IllegalArgumentException("a viewer is a person");
        }
        communities = communities == null ? Set.of() : Set.copyOf(communities);
    }

    public static Viewer employee(String personIri, Collection<String> communities) {
        return new Viewer(personIri, Set.copyOf(communities), true);
    }

    public static Viewer guest(String personIri, Collection<String> communities) {
        return new Viewer(personIri, Set.copyOf(communities), false);
    }

    /**
     * The audience addresses this viewer is part of. Content is visible when its audience shares
     * one of these keys: search-service puts exactly this set into its Lucene filter.
     */
    public Set<String> audienceKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(person);
        keys.addAll(communities);
        if (internal) {
            keys.add(Audience.ORGANISATION);
            keys.add(Audience.AS_PUBLIC);
            keys.add(Audience.AS_PUBLIC_SHORT);
            keys.add("Public");
        }
        return keys;
    }
}
