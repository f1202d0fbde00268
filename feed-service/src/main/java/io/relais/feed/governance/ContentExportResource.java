package io.relais.feed.governance;

import io.relais.events.Login;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * A person's content for their data export, read by profile-service with the caller's token. feed-service decides
 * itself who may read it: the person, or an administrator (everyone else 403).
 */
@Path("/api/exports/people/{login}")
@Tag(name = "governance", description = "Data export and erasure")
@Produces(MediaType.APPLICATION_JSON)
public class ContentExportResource {

    @Inject
    ContentExport export;

    @Inject
    CurrentPerson me;

    @GET
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Everything a person wrote and did here (the person themself, or an admin)",
            description = "Posts and comments with their Markdown source and HTML, reactions, memberships and follows. "
                    + "profile-service puts it in the data export archive as content.json.")
    public ContentExport.Content content(@PathParam("login") String login) {
        if (!Login.isValid(login)) throw ProblemException.invalid("login", Login.RULE);
        String person = Login.normalise(login);
        if (!person.equals(Login.normalise(me.login())) && !me.isAdmin()) {
            throw ProblemException.forbidden("only the person themself or an administrator exports their content");
        }
        return export.of(person);
    }
}
