package io.relais.web.hashtag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.events.Iri;
import io.relais.web.WebConfig;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A hashtag's page ({@code /hashtags/atlas}): the posts that carry it that I may see (feed-service's hashtag
 * timeline), whether I follow it, and the button that follows or unfollows it. Hashtags in posts link here.
 */
@Path("/hashtags")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class HashtagPage {

    @Inject
    Pages pages;

    @Inject
    WebConfig config;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("hashtag/page.html")
    Template page;

    @GET
    @Path("{tag}")
    public TemplateInstance show(@PathParam("tag") String tag) {
        String key = key(tag);
        return pages.of(page).data("nav", "").data("tag", key).data("following", follows(key))
                .data("page", feed.hashtagFeed(key, null, config.pageSize())).data("more", more(key));
    }

    @GET
    @Path("{tag}/items")
    public TemplateInstance items(@PathParam("tag") String tag, @QueryParam("cursor") String cursor) {
        String key = key(tag);
        return pages.of(pages.template("feed/items.html")).data("page", feed.hashtagFeed(key, cursor, config.pageSize()))
                .data("more", more(key));
    }

    /** {@code following} is the state the page showed: true → unfollow, false → follow. */
    @POST
    @Path("{tag}/follow")
    public Response follow(@PathParam("tag") String tag, @RestForm boolean following) {
        String key = key(tag);
        if (following) {
            feed.unfollow("hashtag", key);
        } else {
            feed.follow("hashtag", key);
        }
        return Response.seeOther(URI.create("/hashtags/" + URLEncoder.encode(key, StandardCharsets.UTF_8))).build();
    }

    private boolean follows(String key) {
        String iri = Iri.hashtag(key);
        try {
            for (JsonNode followed : feed.myFollows().path("hashtags")) {
                if (iri.equals(followed.asText()) || key.equals(followed.asText())) {
                    return true;
                }
            }
        } catch (RuntimeException unknown) {
            // not knowing is shown as not following; following again is harmless
        }
        return false;
    }

    private static String more(String key) {
        return "/hashtags/" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "/items?order=newest";
    }

    /** The tag as written after '#', lower-cased (feed-service folds the same way before looking it up). */
    static String key(String tag) {
        String t = tag.strip();
        return (t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT);
    }
}
