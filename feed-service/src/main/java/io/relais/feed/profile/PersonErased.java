package io.relais.feed.profile;

/**
 * A person was erased (the Delete of the person from profile-service on {@code relais.profiles}, issue 15). Fired
 * synchronously by {@link ProfileDirectory} for every delivery of that Delete, so observers must be repeatable; an
 * observer's failure fails the record (it is retried, then dead-lettered with the reason).
 *
 * @param personIri the erased person
 * @param actorIri  who asked for the erasure (an administrator)
 */
public record PersonErased(String personIri, String actorIri) {
}
