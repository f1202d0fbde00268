package io.relais.feed.profile;

/**
 * How a person is shown next to what they wrote: from the profiles read model, or their login when
 * no profile snapshot has arrived yet.
 */
public record PersonSummary(String iri, String login, String displayName, String title, String photoUrl) {
}
