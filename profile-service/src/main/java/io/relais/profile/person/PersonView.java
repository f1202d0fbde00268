package io.relais.profile.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A profile as the API shows it. Its {@code photoUrl} is a reference relative to the API's origin (RFC 3986 §5:
 * resolved against the URL the answer came from), so a client fetches the photo from the profile-service it asked,
 * with the same bearer token, however it reached it (local port, in-cluster Service, ingress).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Person", example = """
        {"login":"dave","iri":"urn:relais:person:dave","displayName":"Dave Leroy","email":"dave@relais.example",
         "title":"Data engineer","department":"Data","location":"Lyon","manager":"carol","startDate":"2026-11-02",
         "status":"active","bio":"Pipelines and coffee.","skills":[{"name":"Kafka","endorsements":3,"endorsedByMe":true}],
         "languages":["fr","en"],"photoUrl":"/api/people/dave/photo?v=6560f1"}""")
public record PersonView(String login, String iri, String displayName, String email, String title, String department,
                         String location, String phone, String manager, String startDate, String status, String leftDate,
                         String bio, List<SkillView> skills, List<String> languages, String photoUrl) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SkillView(String name, int endorsements, Boolean endorsedByMe) {
    }

    /** {@code endorsedByMe} holds the skill keys the viewer endorsed, or null when not asked. */
    public static PersonView of(Person p, java.util.Set<String> endorsedByMe) {
        List<SkillView> skills = p.skills.stream()
                .map(s -> new SkillView(s, p.endorsements.getOrDefault(Skills.key(s), 0),
                        endorsedByMe == null ? null : endorsedByMe.contains(Skills.key(s))))
                .toList();
        return new PersonView(p.login, io.relais.events.Iri.person(p.login), p.displayName, p.email, p.title,
                p.department, p.location, p.phone, p.managerLogin, p.startDate, p.status, p.leftDate, p.bio, skills,
                p.languages, photoPath(p));
    }

    /**
     * The photo's path on this API, {@code /api/people/<login>/photo?v=<photo id>} (served by {@code PhotoResource} to
     * employees and admins; the id changes with each upload), or null without a photo: the {@code photoUrl} of answers.
     */
    public static String photoPath(Person p) {
        return p.photo == null ? null : "/api/people/" + p.login + "/photo?v=" + p.photo.id();
    }

    /** The short form used in lists (directory, org chart). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PersonCard")
    public record Card(String login, String displayName, String title, String department, String location,
                       String status, String photoUrl) {
        public static Card of(Person p) {
            return new Card(p.login, p.displayName, p.title, p.department, p.location, p.status, photoPath(p));
        }
    }
}
