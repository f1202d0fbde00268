package io.relais.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** search-service as the web app uses it. */
@RegisterRestClient(configKey = "search")
@RegisterClientHeaders(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface SearchApi {

    @GET
    @Path("/api/search")
    JsonNode search(@QueryParam("q") String query, @QueryParam("type") List<String> types,
                    @QueryParam("community") List<String> communities, @QueryParam("author") List<String> authors,
                    @QueryParam("cursor") String cursor);

    @GET
    @Path("/api/search/suggest")
    JsonNode suggest(@QueryParam("q") String prefix, @QueryParam("kind") String kind);
}
