package io.relais.profile.governance;

import io.relais.kit.identity.CurrentPerson;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Stands in for feed-service's {@code GET /api/exports/people/{login}} in profile-service's tests (the rest client
 * points here in the test profile): it authorises like feed-service (the person or an admin) with the token it was
 * given, and answers a small fixed content document naming who asked, so a test sees the caller's token forwarded.
 * feed-service's own endpoint is tested in feed-service ({@code ContentExportTest}).
 */
@Path("/stand-in-feed/api/exports/people/{login}")
public class StandInFeed {

    @Inject
    CurrentPerson me;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"employee", "admin"})
    public jakarta.ws.rs.core.Response content(@PathParam("login") String login) {
        if (!login.equals(me.login()) && !me.isAdmin()) return jakarta.ws.rs.core.Response.status(403).build();
        return jakarta.ws.rs.core.Response.ok("{\"person\":\"urn:relais:person:" + login + "\",\"askedBy\":\"" + me.login()
                + "\",\"posts\":[{\"source\":\"Mon **premier** post\"}]}").build();
    }
}
