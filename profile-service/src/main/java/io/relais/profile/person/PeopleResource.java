package io.relais.profile.person;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/people")
@Tag(name = "people", description = "Profiles: who people are, what they do, what they know")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    @Inject
    PersonService people;

    @Inject
    SkillEndorsements endorsements;

    @Inject
    CurrentPerson me;

    @GET
    @Path("/me")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Your own profile; created from your login's name and e-mail on your first visit")
    public PersonView mine() {
        Person p = people.findOrCreateMinimal(me.login(), me.displayName().orElse(me.login()), me.email().orElse(null));
        return PersonView.of(p, null);
    }

    @PATCH
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Edit what you own on your profile: bio, skills, languages, phone, location",
            description = "Fields owned by HR (name, e-mail, title, department, manager, start date, status) are refused "
                    + "with 403 naming each field. Absent fields stay as they are; null clears a field.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "skills and bio",
            value = "{\"bio\":\"Data pipelines, and the coffee machine.\",\"skills\":[\"Kafka\",\"MongoDB\"],\"languages\":[\"fr\",\"en\"]}")))
    public PersonView editMine(JsonNode body) {
        var edit = ProfileEdits.ownEdit(body);
        Person mine = people.findOrCreateMinimal(me.login(), me.displayName().orElse(me.login()), me.email().orElse(null));
        Person p = people.change(mine.login, false, me.iri(), edit);
        return PersonView.of(p, null);
    }

    @GET
    @Path("/{login}")
    // not for business systems: e-mail and manager are the directory's, which only the provisioning lane (SCIM) reads
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "A colleague's profile (also of people who have left: what they wrote stays theirs)")
    public PersonView get(@PathParam("login") String login) {
        Person p = people.find(login).orElseThrow(() -> ProblemException.notFound("person " + login));
        // endorsedByMe only means something to a colleague, not to a business system
        return PersonView.of(p,
                me.isInternal() ? endorsements.endorsedBy(p, Logins.normalise(me.login())) : null);
    }

    @PATCH
    @Path("/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Administrator's correction of HR-owned fields",
            description = "displayName, email, title, department, manager (a login), startDate (YYYY-MM-DD), status "
                    + "(active|left), location. A manager who has no profile, the person themselves, or one that would create a "
                    + "reporting cycle is refused: 400 naming manager, nothing stored.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "new manager",
            value = "{\"title\":\"Lead data engineer\",\"manager\":\"carol\"}")))
    public PersonView adminEdit(@PathParam("login") String login, JsonNode body) {
        HrUpdate update = ProfileEdits.adminEdit(body);
        Person p = people.change(people.require(login).login, false, me.iri(), update::applyTo);
        return PersonView.of(p, null);
    }
}
