package io.relais.profile.expertise;

import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.Roles;
import io.relais.profile.directory.DirectoryIndex;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.PersonView;
import io.relais.profile.person.Skills;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;

@Path("/api/expertise")
@Tag(name = "expertise")
@Produces(MediaType.APPLICATION_JSON)
public class ExpertiseResource {

    /** An endorsement weighs as much as three posts on the topic: colleagues vouching is the stronger signal. */
    static final int ENDORSEMENT_WEIGHT = 3;

    @Inject
    DirectoryIndex directory;

    @Inject
    PersonRepository people;

    @Schema(name = "Expert", example = """
            {"login":"dave","displayName":"Dave Leroy","title":"Data engineer","department":"Data","skill":"Kafka",
             "endorsements":3,"topicalActivity":4,"activity":27,"score":13}""")
    public record Expert(String login, String displayName, String title, String department, String photoUrl,
                         String skill, int endorsements, int topicalActivity, long activity, int score) {
    }

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Who knows X: active people listing the skill, ranked",
            description = "score = 3 × endorsements + posts and comments tagged #skill; ties go to the more active person.")
    public List<Expert> whoKnows(@QueryParam("skill") String skill, @QueryParam("limit") @DefaultValue("20") int limit) {
        if (skill == null || skill.isBlank()) throw ProblemException.invalid("skill", "is required, e.g. ?skill=Kafka");
        if (limit < 1 || limit > 100) throw ProblemException.invalid("limit", "must be between 1 and 100");
        String key = Skills.key(skill);
        List<Person> candidates = people.findAll(directory.members(List.of(DirectoryIndex.facet("skill", skill))));
        return candidates.stream()
                .map(p -> {
                    int endorsed = p.endorsements.getOrDefault(key, 0);
                    int topical = p.topicalActivity.getOrDefault(key, 0);
                    String shown = p.skills.stream().filter(s -> Skills.key(s).equals(key)).findFirst().orElse(skill);
                    return new Expert(p.login, p.displayName, p.title, p.department, PersonView.photoPath(p),
                            shown, endorsed, topical, p.activityCount, ENDORSEMENT_WEIGHT * endorsed + topical);
                })
                .sorted(Comparator.comparingInt(Expert::score).reversed()
                        .thenComparing(Comparator.comparingLong(Expert::activity).reversed())
                        .thenComparing(Expert::login))
                .limit(limit)
                .toList();
    }
}
