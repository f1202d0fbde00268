package io.relais.profile.governance;

import io.relais.events.Iri;
import io.relais.kit.error.ProblemException;
import io.relais.profile.expertise.Endorsements;
import io.relais.profile.person.Logins;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.ProfileField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Erasure on request (issue 15, Governance). In profile-service: the people who reported to the erased person keep
 * their profile without a manager (a new snapshot each), the endorsements they gave and received go, then the
 * profile, its photo, its directory and report-line entries go with {@link PersonService#erase}, which publishes the
 * one {@code Delete} of the person that every other service applies (policy: profile-service's README).
 */
@ApplicationScoped
public class Erasures {

    @Inject
    PersonService people;

    @Inject
    PersonRepository repository;

    @Inject
    Endorsements endorsements;

    @Inject
    ErasureStore store;

    /**
     * Erases a person.
     *
     * @param login    the person's login (any case)
     * @param actorIri who asks: the administrator, or the provisioning system (SCIM DELETE)
     * @throws ProblemException 404 when there is no such person (already erased, or never known)
     */
    public ErasureRecord erase(String login, String actorIri) {
        String id = Logins.normalise(login);
        people.require(id);
        Instant now = Instant.now();
        List<String> reports = repository.managedBy(id);
        for (String report : reports) {
            people.change(report, false, actorIri, p -> {
                p.managerLogin = null;
                // an HR move older than the erasure does not bring the link back
                p.fieldTimes.put(ProfileField.MANAGER.json(), now.toEpochMilli());
            });
        }
        long endorsementsRemoved = endorsements.forget(id);
        if (!people.erase(id, actorIri)) throw ProblemException.notFound("person " + login);
        ErasureRecord record = new ErasureRecord(UUID.randomUUID().toString(), Iri.person(id), actorIri, now, reports.size(),
                endorsementsRemoved, ErasureRecord.PUBLISHED);
        store.insert(record);
        return record;
    }

    public ErasureRecord status(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("erasure " + id));
    }
}
