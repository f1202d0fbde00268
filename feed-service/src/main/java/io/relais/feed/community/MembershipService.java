package io.relais.feed.community;

import io.relais.events.Viewer;
import io.relais.kit.identity.CurrentPerson;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** Who belongs to which community, read by keyed lookups only. */
@ApplicationScoped
public class MembershipService {

    /** Communities where the person is a member (any role). */
    public Set<String> communitiesOf(String personIri) {
        return Set.of();
    }

    public Viewer viewerOf(CurrentPerson me) {
        return me.isInternal() ? Viewer.employee(me.iri(), communitiesOf(me.iri()))
                : Viewer.guest(me.iri(), communitiesOf(me.iri()));
    }

    /** An internal employee viewer, for fan-out and notification checks. */
    public Viewer viewerOf(String personIri) {
        return Viewer.employee(personIri, communitiesOf(personIri));
    }

    public List<String> memberIris(String communityIri) {
        return List.of();
    }

    public long memberCount(String communityIri) {
        return 0;
    }

    /** Owners and moderators. */
    public Set<String> moderatorsOf(String communityIri) {
        return Set.of();
    }
}
