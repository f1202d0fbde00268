package io.relais.profile.person;

/**
 * A profile write that reached the store, fired synchronously (CDI {@code Event}) by {@link PersonService}
 * after the person document changed and before its snapshot is published. Features that keep their own
 * index of people (directory facets, report lines, photos) observe it, so the person feature never needs
 * to know them and the package picture stays free of cycles.
 *
 * <p>An observer runs in the writer's thread: if it throws, the write's caller sees the error, as when the
 * indexes were called directly; the person document is already stored and its next write re-indexes it.
 *
 * @param login  the person's normalised login
 * @param before the stored state before the write, or {@code null} when the profile was just created
 * @param after  the stored state after the write, or {@code null} when the profile was erased
 */
public record ProfileWritten(String login, Person before, Person after) {

    /** True when the profile was erased (SCIM delete): every trace of the person goes. */
    public boolean erased() {
        return after == null;
    }
}
