package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Set;

/**
 * Everything one can do to a post from its card: publish, edit, delete, react, comment, reply. Each
 * answer is the HTML fragment htmx swaps in place. A post is named by its local id, or by its full IRI
 * for business cards.
 */
@Path("/posts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class PostActions {

    static final Set<String> REACTIONS = Set.of("like", "celebrate", "insightful", "support");

    @Inject
    Pages pages;

    @Inject
    Composer composer;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("feed/card.html")
    Template card;

    @Inject
    @Location("feed/post-page.html")
    Template postPage;

    @Inject
    @Location("feed/edit.html")
    Template editForm;

    @Inject
    @Location("feed/thread.html")
    Template thread;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object publish(@RestForm String content, @RestForm String audience,
                          @RestForm("files") List<FileUpload> files, @HeaderParam("HX-Request") String htmx) {
        return answer(composer.publish(content, audience, files), audience, htmx);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object publishWithoutFiles(@RestForm String content, @RestForm String audience,
                                      @HeaderParam("HX-Request") String htmx) {
        return answer(composer.publish(content, audience, List.of()), audience, htmx);
    }

    /** htmx gets the new card to put on top of the feed; a plain form post goes back to where the post now is. */
    private Object answer(JsonNode created, String audience, String htmx) {
        if ("true".equals(htmx)) {
            return cardOf(created);
        }
        String slug = created.path("community").path("slug").asText("");
        return Response.seeOther(java.net.URI.create(slug.isEmpty() ? "/" : "/communities/" + slug)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") String id) {
        JsonNode thread = feed.thread(id, null, 50);
        return pages.of(postPage).data("nav", "").data("post", thread.path("post")).data("thread", thread);
    }

    @GET
    @Path("{id}/card")
    public TemplateInstance card(@PathParam("id") String id) {
        return cardOf(feed.thread(id, null, 1).path("post"));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        JsonNode post = feed.thread(id, null, 1).path("post");
        return pages.of(editForm).data("post", post).data("text", PostText.toText(post.path("content").asText()));
    }

    @POST
    @Path("{id}")
    public TemplateInstance save(@PathParam("id") String id, @RestForm String content) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("content", PostText.toHtml(content));
        return cardOf(feed.editPost(id, body));
    }

    /** An empty answer: htmx replaces the card with nothing. */
    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") String id) {
        feed.deletePost(id);
        return "";
    }

    /** Choosing the reaction one already has takes it back. */
    @POST
    @Path("{id}/react")
    public TemplateInstance react(@PathParam("id") String id, @RestForm String reaction, @RestForm String current) {
        if (reaction != null && reaction.equals(current)) {
            feed.unreact(id);
        } else if (reaction != null && REACTIONS.contains(reaction)) {
            feed.react(id, JsonNodeFactory.instance.objectNode().put("kind", reaction));
        }
        return cardOf(feed.thread(id, null, 1).path("post"));
    }

    @GET
    @Path("{id}/comments")
    public TemplateInstance comments(@PathParam("id") String id) {
        return threadOf(id);
    }

    @POST
    @Path("{id}/comments")
    public TemplateInstance comment(@PathParam("id") String id, @RestForm String content, @RestForm String inReplyTo) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("content", PostText.toHtml(content));
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            body.put("inReplyTo", inReplyTo);
        }
        feed.comment(id, body);
        return threadOf(id);
    }

    private TemplateInstance threadOf(String id) {
        return pages.of(thread).data("postRef", id).data("thread", feed.thread(id, null, 50));
    }

    private TemplateInstance cardOf(JsonNode post) {
        return pages.of(card).data("post", post).data("item", null);
    }
}
