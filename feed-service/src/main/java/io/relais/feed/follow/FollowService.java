package io.relais.feed.follow;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Who follows whom (persons, communities, hashtags). */
@ApplicationScoped
public class FollowService {

    /** Persons following a person, community or hashtag IRI. */
    public Set<String> followersOf(String followedIri) {
        return Set.of();
    }

    public long followerCount(String followedIri) {
        return 0;
    }

    /** What a person follows (person, community and hashtag IRIs). */
    public Set<String> followedBy(String personIri) {
        return Set.of();
    }
}
