package io.relais.events;

import java.time.Instant;
import java.util.Optional;

/**
 * The erasure of a person (issue 15, Governance): one AS2 {@code Delete} whose object is a {@code Tombstone} of the
 * person ({@code formerType: Person}), published by profile-service on the compacted {@code relais.profiles} topic
 * under the person's key. Being the last record of that key, it survives compaction, so a consumer replaying the
 * topic applies the erasure again. Only profile-service may assert it ({@link SourceAuthority.Fact#ERASURE}); every
 * service applies it idempotently to what it keeps of the person.
 */
public final class PersonErasure {

    /** The CloudEvents {@code type} of the Delete of a person: {@code relais.activity.delete}. */
    public static final String CE_TYPE = CloudEventAttributes.TYPE_PREFIX + "delete";

    private PersonErasure() {
    }

    /**
     * The Delete of a person.
     *
     * @param personIri the erased person ({@code urn:relais:person:<login>})
     * @param actorIri who asked for it (an administrator's person IRI)
     */
    public static Activity delete(String personIri, String actorIri) {
        Instant now = Instant.now();
        return Activity.builder().type(As2.DELETE).actor(actorIri)
                .object(AsObject.builder().id(personIri).type(As2.TOMBSTONE).formerType(As2.PERSON).deleted(now).build())
                .to(Audience.ORGANISATION).published(now).build();
    }

    /** The person IRI an activity erases, if it is the Delete of a person; empty for anything else. */
    public static Optional<String> erasedPerson(Activity a) {
        if (a == null || !As2.DELETE.equals(a.type()) || a.object() == null || a.object().id() == null) return Optional.empty();
        return Iri.isKind(a.object().id(), Iri.PERSON) ? Optional.of(a.object().id()) : Optional.empty();
    }
}
