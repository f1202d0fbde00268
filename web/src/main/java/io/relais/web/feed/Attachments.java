package io.relais.web.feed;

import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Attached files, fetched from feed-service with the reader's token (it answers 404 to anyone who may
 * not see a post using the file) and passed on with its type and disposition.
 */
@Path("/attachments")
@RolesAllowed({"employee", "admin"})
public class Attachments {

    @Inject
    @RestClient
    FeedApi feed;

    @GET
    @Path("{id}")
    public Response download(@PathParam("id") String id) {
        try (Response upstream = feed.attachment(id)) {
            byte[] bytes = upstream.readEntity(byte[].class);
            Response.ResponseBuilder answer = Response.ok(bytes, upstream.getMediaType())
                    .header("Cache-Control", "private, max-age=3600");
            String disposition = upstream.getHeaderString("Content-Disposition");
            if (disposition != null) {
                answer.header("Content-Disposition", disposition);
            }
            return answer.build();
        }
    }
}
