package io.relais.feed.community;

import io.relais.feed.profile.PersonSummary;

import java.time.Instant;
import java.util.List;

/**
 * A community as the API shows it to one viewer.
 *
 * @param myStatus member, pending (join request waiting), invited, or none
 * @param pins     pinned post IRIs, only for viewers who may read the content, and only those posts they may read
 */
public record CommunityView(String iri, String slug, String name, String description, String visibility,
                            boolean archived, long memberCount, String myRole, String myStatus, List<String> pins,
                            Instant created) {

    public record Member(PersonSummary person, String role) {
    }

    public record Members(String community, long count, List<Member> members) {
    }

    /**
     * Outcome of a member import.
     *
     * @param members the community's member count afterwards
     * @param refused people left out, each with the reason
     */
    public record Import(int added, int alreadyMembers, long members, List<Refusal> refused) {
    }

    public record Refusal(String login, String reason) {
    }
}
