package io.relais.web.moderation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.ElementIds;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * The Report action of every post and comment: {@code GET /report?object=<IRI>&post=<ref>} gives the form (a fragment
 * for htmx, which puts it under the card; a page otherwise), {@code POST /report} sends it to feed-service
 * ({@code POST /api/reports}) and says it was sent, or that I had already reported it (the service keeps one report per
 * reporter and object). Whether I may see what I report is feed-service's answer (404), not a rule here.
 */
@Path("/report")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "community-manager", "admin"})
public class ReportPage {

    /** feed-service's report reasons, in the order the form offers them. */
    static final List<String> REASONS = List.of("spam", "harassment", "off-topic", "confidential", "other");

    @Inject
    Pages pages;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("moderation/report-form.html")
    Template form;

    @Inject
    @Location("moderation/report-page.html")
    Template page;

    @Inject
    @Location("moderation/reported.html")
    Template reported;

    @GET
    public Response form(@QueryParam("object") String object, @QueryParam("post") String post, @HeaderParam("HX-Request") String htmx) {
        if (object == null || object.isBlank()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return html(200, formOf(object, post, null, null, null), htmx);
    }

    /** The answer to "Cancel" under htmx: nothing, so the form goes away. */
    @GET
    @Path("closed")
    public String closed() {
        return "";
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@RestForm String object, @RestForm String post, @RestForm String reason, @RestForm String comment,
                         @HeaderParam("HX-Request") String htmx) {
        if (object == null || object.isBlank()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        if (reason == null || !REASONS.contains(reason)) {
            // htmx swaps only 2xx answers: the form comes back with its sentence; a plain form gets a 422 page
            String problem = ModerationWords.of(pages).chooseReason();
            return html("true".equals(htmx) ? 200 : 422, formOf(object, post, reason, comment, problem), htmx);
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("object", object).put("reason", reason);
        if (comment != null && !comment.isBlank()) {
            request.put("comment", comment);
        }
        boolean again;
        try (Response answer = feed.report(request)) {
            again = answer.getStatus() == 200;
        }
        return html(200, pages.of(reported).data("again", again).data("post", post), htmx);
    }

    private TemplateInstance formOf(String object, String post, String reason, String comment, String problem) {
        return pages.of(form).data("object", object).data("post", post).data("reasons", REASONS)
                .data("chosen", reason).data("comment", comment).data("problem", problem)
                .data("oid", ElementIds.of(object)).data("isComment", object.startsWith("urn:relais:comment:"));
    }

    /**
     * htmx gets the fragment; a full navigation gets it inside the page layout. The form's title is an h3 under the
     * card it opens in (the card's author line is its h2), an h2 under the page's own h1: no level is skipped.
     */
    private Response html(int status, TemplateInstance fragment, String htmx) {
        String body = "true".equals(htmx) ? fragment.data("level", 3).render()
                : pages.of(page).data("nav", "").data("content", fragment.data("level", 2).render()).render();
        return Response.status(status).entity(body).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
