package io.relais.profile.expertise;

import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.profile.person.Logins;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/people/{login}/skills/{skill}/endorsements/mine")
@Tag(name = "expertise", description = "Skills endorsed by colleagues, and who knows what")
@Produces(MediaType.APPLICATION_JSON)
public class EndorsementResource {

    @Inject
    Endorsements endorsements;

    @Inject
    CurrentPerson me;

    @Inject
    PersonService people;

    @PUT
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Endorse a colleague's skill (once; again changes nothing; not your own)")
    public Endorsements.Result endorse(@PathParam("login") String login, @PathParam("skill") String skill) {
        // whoever endorses has a profile (a minimal one on a first visit), so an erasure of them finds what they gave
        Person endorser = people.findOrCreateMinimal(me.login(), me.displayName().orElse(me.login()), me.email().orElse(null));
        return endorsements.endorse(login, skill, endorser.login);
    }

    @DELETE
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Withdraw your endorsement")
    public Endorsements.Result withdraw(@PathParam("login") String login, @PathParam("skill") String skill) {
        return endorsements.withdraw(login, skill, Logins.signedIn(me.login()));
    }
}
