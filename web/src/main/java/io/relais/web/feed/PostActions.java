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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Set;

/**
 * Everything one can do to a post from its card: publish, edit, delete, react, comment, reply. Each
 * answer is the HTML fragment htmx swaps in place.
 */
@Path("/posts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class PostActions {

    static final Set<String> REACTIONS = Set.of("like", "celebrate", "insightful", "support");

    @Inject
    Pages pages;

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
    public TemplateInstance publish(@RestForm String content, @RestForm String audience) {
        JsonNode created = feed.createPost(Composer.postRequest(content, audience));
        return cardOf(created);
    }

    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") String id) {
        JsonNode post = feed.post(id);
        return pages.of(postPage).data("nav", "").data("post", post).data("thread", feed.comments(id, null))
                .data("open", true);
    }

    @GET
    @Path("{id}/card")
    public TemplateInstance card(@PathParam("id") String id) {
        return cardOf(feed.post(id));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) {
        return pages.of(editForm).data("post", feed.post(id));
    }

    @POST
    @Path("{id}")
    public TemplateInstance save(@PathParam("id") String id, @RestForm String content) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("content", content == null ? "" : content);
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
            feed.react(id, JsonNodeFactory.instance.objectNode().put("reaction", reaction));
        }
        return cardOf(feed.post(id));
    }

    @GET
    @Path("{id}/comments")
    public TemplateInstance comments(@PathParam("id") String id) {
        return threadOf(id);
    }

    @POST
    @Path("{id}/comments")
    public TemplateInstance comment(@PathParam("id") String id, @RestForm String content, @RestForm String inReplyTo) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("content", content == null ? "" : content);
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            body.put("inReplyTo", inReplyTo);
        }
        feed.comment(id, body);
        return threadOf(id);
    }

    private TemplateInstance threadOf(String id) {
        return pages.of(thread).data("postId", id).data("thread", feed.comments(id, null));
    }

    private TemplateInstance cardOf(JsonNode post) {
        return pages.of(card).data("post", post);
    }
}
