package io.relais.profile.person;

import io.relais.events.Activity;
import io.relais.events.Iri;
import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;
import io.relais.kit.outbox.Outbox;
import io.relais.kit.outbox.OutboxRecord;
import io.relais.profile.ProfileConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every profile write goes through here: a conditional write of the person document, then
 * {@link ProfileWritten} for the features that index people (directory facets, report lines, photos),
 * then the new snapshot in the outbox for
 * {@code relais.profiles}. A write that changes nothing a reader can see publishes nothing, which is
 * what makes replays harmless.
 *
 * <p>A {@link Person#pending pending} profile (started by an HR move or leave of a login nothing has made a person
 * yet) is nobody's to others: {@link #find} does not find it, {@link ProfileWritten} shows it as absent (so no index
 * lists it), no snapshot of it is published, and it counts as no manager. The write that makes a person of it (a hire,
 * SCIM provisioning, the person's sign-in) publishes the first snapshot, with what the moves said merged in.
 */
@ApplicationScoped
public class PersonService {

    /** Longest manager chain followed; deeper than any real organisation, and a guard against bad data. */
    public static final int MAX_CHAIN = 64;
    private static final int MAX_ATTEMPTS = 8;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PersonService.class);

    @Inject
    PersonRepository people;

    @Inject
    PendingManagers pendingManagers;

    @Inject
    ErasedPeople erasedPeople;

    @Inject
    Event<ProfileWritten> profileWritten;

    @Inject
    Outbox outbox;

    @Inject
    ProfileConfig config;

    @ConfigProperty(name = "relais.outbox.source", defaultValue = "/relais/profile-service")
    String source;

    /** The person with this login (any case); empty for nobody, and for a {@link Person#pending pending} profile. */
    public Optional<Person> find(String login) {
        return people.find(Logins.normalise(login)).filter(Person::isPerson);
    }

    /**
     * {@link #find}, or 404.
     *
     * @throws ProblemException 404 when there is no such person (or only a pending profile)
     */
    public Person require(String login) {
        return find(login).orElseThrow(() -> ProblemException.notFound("person " + login));
    }

    /**
     * The caller's profile; on a first login without one, a minimal profile from the token claims (the
     * name and e-mail cleaned by {@link io.relais.events.TextHygiene#line}, as every stored field is). Signing in
     * makes a person of a {@link Person#pending pending} profile: the account is theirs, what HR's moves said stays.
     *
     * @throws ProblemException 403 naming {@code login} when it does not follow the login rule ({@link Logins#signedIn})
     */
    public Person findOrCreateMinimal(String login, String displayName, String email) {
        String id = Logins.signedIn(login);
        String name = io.relais.events.TextHygiene.line(displayName);
        String mail = io.relais.events.TextHygiene.line(email);
        return people.find(id).filter(Person::isPerson).orElseGet(() -> change(id, true, Iri.person(id), p -> {
            p.pending = false;
            if (p.displayName == null) p.displayName = name == null || name.isBlank() ? id : name;
            // the token's address is a convenience: one HR gave someone else is left out, the login still works
            if (p.email == null && mail != null && !mail.isBlank()
                    && people.holderOfEmail(Person.emailKey(mail), id).isEmpty()) p.email = mail;
        }));
    }

    /**
     * {@link #change(String, boolean, String, UnknownManager, Consumer)} for a request whose sender reads the
     * answer (administrator, SCIM, the person): a manager who does not exist is refused.
     */
    public Person change(String login, boolean createIfMissing, String actorIri, Consumer<Person> mutation) {
        return change(login, createIfMissing, actorIri, UnknownManager.REFUSE, mutation);
    }

    /**
     * Loads (or, if allowed, starts) the profile, applies {@code mutation}, and stores it if anything
     * changed. Retries on a concurrent write, so the mutation must be repeatable. A write that raced an erasure of the
     * person is undone and asked again of no profile (the erasure wins: {@link #settleErasure}), so a mutation that may
     * start a profile decides again whether it may.
     *
     * <p>A new manager must be someone else, outside the person's own reports (400 {@code manager}, see
     * {@link #refuseCycle}), and must exist: otherwise 400 {@code manager} ({@link UnknownManager#REFUSE}) or the
     * link awaits the manager's profile ({@link UnknownManager#AWAIT}). A write of a profile (its creation, or a replay
     * after a failure) applies the links that await it.
     *
     * @throws ProblemException 400 naming {@code manager}, before anything is stored; 404 when the profile is missing
     *                          and may not be created; 409 after repeated concurrent writes
     */
    public Person change(String login, boolean createIfMissing, String actorIri, UnknownManager unknownManager,
                         Consumer<Person> mutation) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Person> stored = people.find(login);
            if (stored.isEmpty() && !createIfMissing) {
                throw ProblemException.notFound("person " + login);
            }
            Person before = stored.orElse(null);
            Person after = before == null ? new Person(login) : before.copy();
            mutation.accept(after);
            if (!Objects.equals(before == null ? null : before.managerLogin, after.managerLogin)) {
                refuseCycle(login, after.managerLogin);
                if (after.managerLogin != null && !isPerson(after.managerLogin)) {
                    if (unknownManager == UnknownManager.REFUSE) {
                        throw ProblemException.invalid(ProfileField.MANAGER.json(), "no person with the login "
                                + after.managerLogin + ": a manager must exist before someone reports to them");
                    }
                    after.pendingManager = after.managerLogin;
                    after.managerLogin = null;
                }
            }
            refuseSharedEmail(login, before, after);
            boolean differs = before == null || !snapshotOf(before).equals(snapshotOf(after));
            // a pending profile is never published; the write that makes a person of it publishes all it holds
            boolean visible = after.isPerson() && (differs || !before.isPerson());
            boolean changed = differs || visible || before.pending != after.pending
                    || !before.fieldTimes.equals(after.fieldTimes)
                    || !Objects.equals(before.externalId, after.externalId)
                    || !Objects.equals(before.hiredBy, after.hiredBy)
                    || !Objects.equals(before.pendingManager, after.pendingManager);
            if (!changed) {
                // a replay of a manager's hire retries what a failure left awaiting
                if (before.isPerson()) linkAwaiting(login, actorIri);
                return before;
            }
            Instant now = Instant.now();
            after.updatedAt = now;
            after.version = before == null ? 1 : before.version + 1;
            if (!visible) after.publishedVersion = after.version; // nothing for others to learn
            boolean written;
            if (before == null) {
                after.createdAt = now;
                written = people.insert(after);
            } else {
                written = people.replace(after, before.version);
            }
            if (!written) continue;
            pendingManagers.update(login, before, after);
            fireWritten(login, before, after);
            if (visible) {
                publish(after, actorIri);
                people.markPublished(login, after.version);
            }
            if (erasedSince(login, after)) {
                // an erasure recorded since this profile was created ran while this write was under way: the erasure
                // wins, whichever finished last (see settleErasure); what the mutation says is asked again, of no profile
                settleErasure(login, after);
                continue;
            }
            if (after.isPerson()) linkAwaiting(login, actorIri); // nobody reports to a pending profile
            // the awaited manager may have been created since the read above; of two such writes, one sees the other
            if (after.pendingManager != null && isPerson(after.pendingManager)) {
                Person linked = linkAwaited(login, after.pendingManager, actorIri);
                return linked == null ? after : linked;
            }
            return after;
        }
        throw ProblemException.conflict("the profile of " + login + " is being changed by someone else; try again");
    }

    /**
     * Two people never share an e-mail address: connectors name people by it (a generic connector registered with
     * {@code people: email}), so a shared address credited one person's activity to another. 409 naming
     * {@code email} (SCIM: {@code uniqueness}; an HR event: dead-lettered with the reason), before anything is stored.
     * Profiles written before this rule are checked when their address next changes.
     */
    private void refuseSharedEmail(String login, Person before, Person after) {
        String key = Person.emailKey(after.email);
        if (key == null || key.equals(before == null ? null : Person.emailKey(before.email))) return;
        people.holderOfEmail(key, login).ifPresent(holder -> {
            throw new ProblemException(Problem.of(409, "conflict", "Conflict", "email " + after.email + " is already the address of "
                    + holder).withErrors(List.of(new Violation(ProfileField.EMAIL.json(), "is already the address of " + holder
                    + ": two people never share an address"))));
        });
    }

    /** What {@link #erase} found and removed. */
    public enum Erased {
        /** No profile: nothing was done. */
        NOTHING,
        /** A person: their {@code Delete} is in the outbox for every other service. */
        PERSON,
        /** A {@link Person#pending pending} profile, never published: nobody else was told of it, nothing is published. */
        PENDING_PROFILE
    }

    /**
     * Whether {@code login} (normalised) has a stored profile to erase: a person, or a {@link Person#pending pending}
     * profile (HR's moves or leaves of someone nothing has made a person: HR data about them, shown to no one).
     */
    public boolean hasProfile(String login) {
        return people.find(login).isPresent();
    }

    /**
     * Erasure (SCIM delete, or an administrator's erasure request): the profile, its photo and its index entries
     * go; one {@link io.relais.events.PersonErasure} Delete on {@code relais.profiles} tells every other service. A
     * {@link Person#pending pending} profile goes the same way but with no Delete: it was never published, so there is
     * no one to tell, and publishing one would name a login HR never hired. Either way the erasure is recorded
     * ({@link #erasedAt}), so what HR said before it never starts the profile again.
     *
     * @param actorIri who asked (an administrator, the provisioning system)
     * @return what was erased; {@link Erased#NOTHING} when there is no profile
     */
    public Erased erase(String login, String actorIri) {
        Optional<Person> stored = people.find(login);
        if (stored.isEmpty()) return Erased.NOTHING;
        Person p = stored.get();
        // remembered before anything goes: what HR said before this moment never starts the profile again
        erasedPeople.record(login, Instant.now());
        removeErased(login, p, actorIri, () -> people.delete(login));
        return p.isPerson() ? Erased.PERSON : Erased.PENDING_PROFILE;
    }

    /**
     * What an erasure does once recorded, for {@link #erase} and for a write that raced it ({@link #settleErasure}): the
     * {@code Delete} first (a crash after it leaves a profile the client erases again, never a lost erasure), then the
     * stored profile ({@code deleteStored}), its pending-manager links and its index entries. A
     * {@link Person#pending pending} profile gets no {@code Delete}: a profile is pending only until its first snapshot
     * (nothing makes a person pending again), so no service ever heard of it.
     */
    private void removeErased(String login, Person stored, String actorIri, Runnable deleteStored) {
        if (stored.isPerson()) {
            Activity delete = io.relais.events.PersonErasure.delete(Iri.person(login), actorIri);
            io.relais.events.ActivityValidator.requireValid(delete);
            outbox.append(OutboxRecord.profile(Iri.person(login), delete, source));
        }
        deleteStored.run();
        pendingManagers.update(login, stored, null);
        fireWritten(login, stored, null);
    }

    /**
     * Whether the profile {@code written} (the one this write stored) was erased, or is being erased, since it was
     * created: the erasure records its time first ({@link #erase}), so a write whose snapshot went out after the
     * erasure's {@code Delete} always finds that record here. A profile created after the erasure (a rehire, a new
     * sign-in) is not concerned. One keyed read per profile write.
     */
    private boolean erasedSince(String login, Person written) {
        Instant created = written.createdAt == null ? null : written.createdAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return erasedPeople.erasedAt(login).filter(at -> created == null || !at.isBefore(created)).isPresent();
    }

    /**
     * Finishes, for a write that raced an erasure, what the erasure did: its snapshot may have gone out after the
     * erasure's {@code Delete}, and its indexes (directory, report lines, photos) been written after the erasure cleared
     * them. So the {@code Delete} is appended again, to stay the last record of the person's key on the compacted
     * topic (every consumer applies a Delete again harmlessly), the profile this write stored goes (the erasure may have
     * deleted it before, or be about to), and {@link ProfileWritten} with no profile clears the indexes again.
     */
    private void settleErasure(String login, Person written) {
        LOG.infof("a write of %s raced their erasure: the erasure wins", login);
        removeErased(login, written, Iri.of(Iri.SOURCE, "profile-service"), () -> people.delete(login, written.version));
    }

    /**
     * When {@code login} was erased (an administrator's request, SCIM DELETE), if ever: an HR event about them from
     * before that moment, or any HR event but a later hire, must not start their profile again (hr.HrLifecycle). Only
     * the login and the time are kept.
     */
    public Optional<Instant> erasedAt(String login) {
        return erasedPeople.erasedAt(Logins.normalise(login));
    }

    /**
     * The people whose manager link awaits {@code login} (normalised; {@link Person#pendingManager}): HR named them its
     * manager before it was a person. One keyed read.
     */
    public List<String> awaitingAsManager(String login) {
        return pendingManagers.awaiting(login);
    }

    /** Whether {@code login} (normalised) is a person: a stored profile that is not {@link Person#pending pending}. */
    private boolean isPerson(String login) {
        return people.find(login).filter(Person::isPerson).isPresent();
    }

    /**
     * {@link ProfileWritten} for the indexes, with a {@link Person#pending pending} profile shown as absent: a pending
     * profile is indexed nowhere, and the write that makes a person of it reads as its creation. Not fired when the
     * write concerns no person before nor after.
     */
    private void fireWritten(String login, Person before, Person after) {
        Person shownBefore = before == null || !before.isPerson() ? null : before;
        Person shownAfter = after == null || !after.isPerson() ? null : after;
        if (shownBefore == null && shownAfter == null) return;
        profileWritten.fire(new ProfileWritten(login, shownBefore, shownAfter));
    }

    /** Applies the links that await {@code login} as a manager: one keyed read, nothing to do in nearly every write. */
    private void linkAwaiting(String login, String actorIri) {
        for (String report : pendingManagers.awaiting(login)) linkAwaited(report, login, actorIri);
    }

    /**
     * Applies the link {@code report} → {@code manager} that HR named before the manager's profile existed, unless a
     * newer HR change has named someone else since. A link that would now make a cycle (HR named each of two people
     * the other's manager) is not applied: logged as a warning, and the report stays without a manager.
     *
     * @return the report's profile after the change (or as it is, when nothing was applied), or null when it was erased
     *         meanwhile or could not be written now (then the link still awaits the manager's next write)
     */
    Person linkAwaited(String report, String manager, String actorIri) {
        try {
            return change(report, false, actorIri, UnknownManager.AWAIT, p -> {
                if (manager.equals(p.pendingManager)) {
                    p.managerLogin = manager;
                    p.pendingManager = null;
                }
            });
        } catch (ProblemException e) {
            if (e.problem().status() == 404) return null; // erased meantime: nothing awaits any more
            if (e.problem().status() != 400) {
                // e.g. 409, after repeated concurrent writes: the link stays awaited; the manager's next write applies it
                LOG.warnf("the manager HR named for %s, %s, awaits still: %s", report, manager, e.problem().detail());
                return null;
            }
            LOG.warnf("the manager HR named for %s, %s, is not applied: %s", report, manager, e.problem().errors());
            return change(report, false, actorIri, UnknownManager.AWAIT, p -> {
                if (manager.equals(p.pendingManager)) p.pendingManager = null;
            });
        }
    }

    /**
     * The startup pass: one scan of the people collection ({@link PersonRepository#startupScan}), then the snapshots a
     * crash left unpublished, then the manager links to settle.
     */
    void recoverAtStartup(@Observes StartupEvent event) {
        PersonRepository.StartupScan scan = people.startupScan();
        publishMissedSnapshots(scan.unpublished());
        awaitMissingManagers(scan.managerLinks());
    }

    /**
     * The profile write and its outbox record are two inserts (the store has no transactions): after a
     * crash between them, the startup pass publishes the snapshot the write was missing.
     */
    private void publishMissedSnapshots(List<String> unpublished) {
        for (String login : unpublished) {
            people.find(login).filter(Person::isPerson).ifPresent(p -> {
                publish(p, Iri.of(Iri.SOURCE, "profile-service"));
                people.markPublished(login, p.version);
            });
        }
    }

    /**
     * Manager links at startup. A profile stored before a manager had to exist may name one who does not (an HR event
     * or an administrator named a login nobody had): that link becomes an awaited one (as {@link UnknownManager#AWAIT}),
     * so the API, the org chart and a new snapshot stop showing that manager, and the link comes back if they are
     * created. An awaited link whose manager exists (a crash between the two writes) is applied.
     */
    private void awaitMissingManagers(List<PersonRepository.ManagerLink> links) {
        Set<String> named = new HashSet<>();
        links.forEach(l -> {
            if (l.manager() != null) named.add(l.manager());
            if (l.pending() != null) named.add(l.pending());
        });
        Set<String> existing = people.existing(named);
        String actor = Iri.of(Iri.SOURCE, "profile-service");
        for (PersonRepository.ManagerLink l : links) {
            if (l.manager() != null && !existing.contains(l.manager())) {
                change(l.login(), false, actor, UnknownManager.AWAIT, p -> {
                    if (l.manager().equals(p.managerLogin)) {
                        p.managerLogin = null;
                        p.pendingManager = l.manager();
                    }
                });
            } else if (l.pending() != null && existing.contains(l.pending())) {
                linkAwaited(l.login(), l.pending(), actor);
            }
        }
    }

    /** A manager change that would make someone their own (direct or indirect) manager is refused (400 {@code manager}). */
    void refuseCycle(String login, String newManager) {
        if (login.equals(newManager)) {
            throw ProblemException.invalid(ProfileField.MANAGER.json(), "cannot be the person themselves");
        }
        Set<String> seen = new HashSet<>();
        String m = newManager;
        while (m != null) {
            if (m.equals(login)) {
                throw ProblemException.invalid(ProfileField.MANAGER.json(), "would create a cycle: " + newManager
                        + " already reports, directly or not, to " + login);
            }
            if (!seen.add(m) || seen.size() > MAX_CHAIN) return; // an existing cycle elsewhere is not this change's fault
            m = people.find(m).map(p -> p.managerLogin).orElse(null);
        }
    }

    private Object snapshotOf(Person p) {
        return ProfileSnapshot.person(p, config.publicUrl());
    }

    private void publish(Person p, String actorIri) {
        Activity snapshot = ProfileSnapshot.update(p, config.publicUrl(), actorIri);
        io.relais.events.ActivityValidator.requireValid(snapshot);
        outbox.append(OutboxRecord.profile(Iri.person(p.login), snapshot, source));
    }
}
