package io.relais.connector.generic;

import io.relais.connector.community.CommunityDirectory;
import io.relais.connector.people.PeopleDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The read models the generic connector consults: people (from profile snapshots) and community visibility. */
@ApplicationScoped
public class RelaisDirectory implements GenericActivities.Directory {

    @Inject
    PeopleDirectory people;

    @Inject
    CommunityDirectory communities;

    @Override
    public Optional<String> personByLogin(String login) {
        return people.byLogin(login);
    }

    @Override
    public Optional<String> personByEmail(String email) {
        return people.byEmail(email);
    }

    @Override
    public Optional<String> communityVisibility(String communityIri) {
        return communities.visibility(communityIri);
    }

    @Override
    public boolean communityArchived(String communityIri) {
        return communities.isArchived(communityIri);
    }
}
