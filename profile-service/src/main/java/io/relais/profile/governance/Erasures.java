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
     * <p>A {@link io.relais.profile.person.Person#pending pending} profile (HR moves or leaves of a login nothing has made
     * a person: 404 everywhere else) is HR's data about someone, and is erased too (an administrator's request; SCIM
     * answers 404 for it, as for any User it does not list): the same answer, its data and the links that await it as a
     * manager go, the erasure is recorded, and nothing is published ({@link ErasureRecord#ERASED}).
     *
     * @throws ProblemException 404 when there is no profile (already erased, or never known)
     */
    public ErasureRecord erase(String login, String actorIri) {
        String id = Logins.normalise(login);
        if (!people.hasProfile(id)) throw ProblemException.notFound("person " + login);
        Instant now = Instant.now();
        List<String> reports = repository.managedBy(id);
        for (String report : reports) {
            people.change(report, false, actorIri, p -> {
                p.managerLogin = null;
                // an HR move older than the erasure does not bring the link back
                p.fieldTimes.put(ProfileField.MANAGER.json(), now.toEpochMilli());
            });
        }
        // links HR named before the manager was a person: the erased login's, not to be applied to a later rehire
        List<String> awaiting = people.awaitingAsManager(id);
        for (String report : awaiting) {
            people.change(report, false, actorIri, p -> {
                if (!id.equals(p.pendingManager)) return;
                p.pendingManager = null;
                p.fieldTimes.put(ProfileField.MANAGER.json(), now.toEpochMilli());
            });
        }
        long endorsementsRemoved = endorsements.forget(id);
        PersonService.Erased erased = people.erase(id, actorIri);
        if (erased == PersonService.Erased.NOTHING) throw ProblemException.notFound("person " + login);
        ErasureRecord record = new ErasureRecord(UUID.randomUUID().toString(), Iri.person(id), actorIri, now,
                reports.size() + awaiting.size(), endorsementsRemoved,
                erased == PersonService.Erased.PERSON ? ErasureRecord.PUBLISHED : ErasureRecord.ERASED);
        store.insert(record);
        return record;
    }

    public ErasureRecord status(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("erasure " + id));
    }
}
