package io.relais.web.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

import java.net.URI;

/**
 * The organisation-wide moderation pages: the queue ({@code /moderation}, community managers and admins — feed-service
 * says who), decisions ({@code POST /moderation/actions}, also used by community queues), and for admins the audit log
 * ({@code /moderation/audit}, CSV at {@code /moderation/audit.csv}) and the keyword rules ({@code /moderation/rules}).
 */
@Path("/moderation")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "community-manager", "admin"})
public class ModerationPage {

    /** Audit entries per page (feed-service accepts 1..200). */
    static final int AUDIT_PAGE = 50;

    @Inject
    Pages pages;

    @Inject
    ModerationQueues queues;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("moderation/audit.html")
    Template auditPage;

    @Inject
    io.relais.web.layout.HrNames hrNames;

    @Inject
    @Location("moderation/rules.html")
    Template rulesPage;

    @GET
    public Response queue(@QueryParam("state") String state, @QueryParam("done") String done) {
        return queues.page(null, state, done);
    }

    /** A decision on a case of any queue; {@code community} and {@code state} say which queue to go back to. */
    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@RestForm String object, @RestForm String action, @RestForm String reason, @RestForm String community,
                        @RestForm String state, @HeaderParam("HX-Request") String htmx) {
        return queues.decide(community == null || community.isBlank() ? null : community, state, object, action, reason, htmx);
    }

    @GET
    @Path("audit")
    @RolesAllowed("admin")
    public TemplateInstance audit(@QueryParam("before") String before) {
        JsonNode page = feed.moderationAudit(before == null || before.isBlank() ? null : before, AUDIT_PAGE);
        return pages.of(auditPage).data("nav", "moderation").data("page", page)
                .data("rows", AuditRows.of(page.path("entries"), ModerationWords.of(pages), pages.locale(), hrNames));
    }

    /** feed-service's own CSV of the whole log, downloaded as a file. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    @RolesAllowed("admin")
    public Response auditCsv() {
        return Response.ok(feed.moderationAuditCsv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"moderation-audit.csv\"").build();
    }

    @GET
    @Path("rules")
    @RolesAllowed("admin")
    public TemplateInstance rules(@QueryParam("saved") boolean saved) {
        return pages.of(rulesPage).data("nav", "moderation").data("rules", feed.keywordRules().path("rules"))
                .data("saved", saved).data("problem", null);
    }

    /** Adds a rule to the organisation's rules (feed-service replaces them as a whole; a term already there is kept once). */
    @POST
    @Path("rules")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRule(@RestForm String term, @RestForm String mode) {
        String typed = term == null ? "" : term.strip();
        if (typed.length() < 2 || typed.length() > 100) {
            String html = pages.of(rulesPage).data("nav", "moderation").data("rules", feed.keywordRules().path("rules"))
                    .data("saved", false).data("problem", ModerationWords.of(pages).ruleTermRule()).render();
            return Response.status(422).entity(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        for (JsonNode r : feed.keywordRules().path("rules")) {
            if (!r.path("term").asText().equalsIgnoreCase(typed)) {
                rules.add(rule(r));
            }
        }
        rules.addObject().put("term", typed).put("mode", "hold".equals(mode) ? "hold" : "block");
        return replace(rules);
    }

    @POST
    @Path("rules/remove")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeRule(@RestForm String term) {
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        for (JsonNode r : feed.keywordRules().path("rules")) {
            if (!r.path("term").asText().equals(term)) {
                rules.add(rule(r));
            }
        }
        return replace(rules);
    }

    /**
     * A rule as feed-service's PUT takes it: only the fields it knows, so a field its GET adds one day (who set the
     * rule, when) is not sent back and refused as unknown.
     */
    private static ObjectNode rule(JsonNode shown) {
        return JsonNodeFactory.instance.objectNode().put("term", shown.path("term").asText())
                .put("mode", shown.path("mode").asText());
    }

    private Response replace(ArrayNode rules) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("rules", rules);
        feed.replaceKeywordRules(request);
        return Response.seeOther(URI.create("/moderation/rules?saved=true")).build();
    }
}
