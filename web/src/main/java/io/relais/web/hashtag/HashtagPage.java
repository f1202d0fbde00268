package io.relais.web.hashtag;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.events.HashtagKey;
import io.relais.events.Iri;
import io.relais.web.WebConfig;
import io.relais.web.layout.FollowButton;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A hashtag's page ({@code /hashtags/atlas}): the posts that carry it that I may see (feed-service's hashtag
 * timeline), whether I follow it, and the button that follows or unfollows it. Hashtags in posts link here.
 * A path that is not a hashtag ({@code /hashtags/a%20b}, {@code /hashtags/x%2Fy}) answers the reader's
 * localised "not found" page (404), before any service is asked.
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
    FollowButton followButton;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("hashtag/page.html")
    Template page;

    @Inject
    @Location("error.html")
    Template errorPage;

    @GET
    @Path("{tag}")
    public TemplateInstance show(@PathParam("tag") String tag) {
        String key = key(tag);
        return pages.of(page).data("nav", "").data("tag", key).data("follow", FollowButton.Form.onPage(followAction(key), follows(key), false))
                .data("page", feed.hashtagFeed(key, null, config.pageSize())).data("more", more(key))
                .data("emptyText", pages.empty().noHashtagPosts(key));
    }

    @GET
    @Path("{tag}/items")
    public TemplateInstance items(@PathParam("tag") String tag, @QueryParam("cursor") String cursor) {
        String key = key(tag);
        return pages.of(pages.template("feed/items.html")).data("page", feed.hashtagFeed(key, cursor, config.pageSize()))
                .data("more", more(key)).data("emptyText", pages.empty().noHashtagPosts(key));
    }

    /** {@code following} is the state the page showed: true → unfollow, false → follow. */
    @POST
    @Path("{tag}/follow")
    public Response follow(@PathParam("tag") String tag, @RestForm boolean following, @jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        String key = key(tag);
        if (following) {
            feed.unfollow("hashtag", key);
        } else {
            feed.follow("hashtag", key);
        }
        return followButton.answer(htmx, FollowButton.Form.onPage(followAction(key), !following, false), "#" + key,
                URI.create("/hashtags/" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
    }

    private static String followAction(String key) {
        return "/hashtags/" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "/follow";
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

    /**
     * The tag's canonical key by the shared rule ({@link HashtagKey#of}), the one feed-service stores and looks up.
     *
     * @throws NotAHashtag unless the key is a well-formed hashtag ({@link HashtagKey#isWellFormed}: a letter then
     *                     letters, digits or {@code _}, at most {@value HashtagKey#MAX_LENGTH} code points);
     *                     anything else cannot name a hashtag's IRI
     */
    static String key(String tag) {
        String key = HashtagKey.of(tag.strip());
        if (!HashtagKey.isWellFormed(key)) throw new NotAHashtag();
        return key;
    }

    /** A hashtag path whose tag breaks the hashtag rule: there is no such page. */
    static final class NotAHashtag extends RuntimeException {
        NotAHashtag() {
            super("not a hashtag", null, false, false);
        }
    }

    /** The localised "not found" page for a path that names no hashtag (this resource's mapper only). */
    @ServerExceptionMapper
    public Response notAHashtag(NotAHashtag e) {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(pages.of(errorPage).data("message", pages.msg().notFound()).data("nav", "").render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
