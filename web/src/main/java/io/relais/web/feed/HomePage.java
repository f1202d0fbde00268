package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.relais.web.WebConfig;
import io.relais.web.layout.Me;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;

/** The home page: a landing page for visitors, the home feed and the composer for employees. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    Pages pages;

    @Inject
    Me me;

    @Inject
    WebConfig config;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    Composer composer;

    @Inject
    @Location("landing.html")
    Template landing;

    @Inject
    @Location("feed/home.html")
    Template home;

    @Inject
    @Location("feed/items.html")
    Template items;

    @Inject
    @Location("feed/banner.html")
    Template banner;

    @GET
    @PermitAll
    public TemplateInstance home(@QueryParam("order") String order) {
        if (!me.isLoggedIn()) {
            return pages.of(landing).data("nav", "");
        }
        String ordering = FeedOrder.of(order);
        JsonNode page = feed.home(ordering, null, config.pageSize());
        return pages.of(home).data("nav", "home")
                .data("order", ordering)
                .data("page", page)
                .data("more", "/feed/items?order=" + ordering)
                .data("audiences", composer.audiences());
    }

    /** Where the "Log in" button leads: the OIDC code flow, then back home. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }

    /** One page of the home feed, for infinite scroll and the "new posts" banner. */
    @GET
    @Path("feed/items")
    @RolesAllowed({"employee", "admin"})
    public TemplateInstance items(@QueryParam("order") String order, @QueryParam("cursor") String cursor) {
        String ordering = FeedOrder.of(order);
        JsonNode page = feed.home(ordering, cursor, config.pageSize());
        return pages.of(items).data("page", page).data("order", ordering).data("more", "/feed/items?order=" + ordering);
    }

    @GET
    @Path("feed/banner")
    @RolesAllowed({"employee", "admin"})
    public TemplateInstance banner(@QueryParam("count") int count, @QueryParam("order") String order) {
        return pages.of(banner).data("count", Math.max(0, count)).data("order", FeedOrder.of(order));
    }

    /** The two orderings the feed offers. */
    static final class FeedOrder {
        static String of(String requested) {
            return "relevant".equals(requested) ? "relevant" : "newest";
        }
    }
}
