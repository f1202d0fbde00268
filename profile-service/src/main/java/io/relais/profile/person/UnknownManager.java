package io.relais.profile.person;

/**
 * What a profile write does with a manager who has no profile (yet). Whatever the choice, no profile ever names a
 * manager who does not exist: the API, the org chart and the snapshots on {@code relais.profiles} show only people
 * Relais knows.
 */
public enum UnknownManager {
    /**
     * A request (administrator, SCIM) is refused before anything is stored: 400 naming {@code manager}. Whoever sent
     * it is there to read the answer and fix it.
     */
    REFUSE,
    /**
     * An HR event is applied without the link, which is kept in {@link Person#pendingManager} and applied when the
     * manager's profile is created: connector-service accepted both hires, and a batch may deliver the report's
     * before the manager's (records are keyed by event id), so refusing would lose a correct fact.
     */
    AWAIT
}
