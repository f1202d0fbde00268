package io.relais.feed.moderation;

import io.relais.feed.keyword.KeywordRule;
import io.relais.feed.keyword.KeywordRules;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

@Path("/api/moderation")
@Tag(name = "moderation", description = "Reports, moderation queues and decisions, keyword rules, audit log")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModerationResource {

    static final String QUEUE_EXAMPLE = "{\"items\":[{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"kind\":\"post\","
            + "\"post\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\","
            + "\"community\":{\"iri\":\"urn:relais:community:projet-atlas\",\"slug\":\"projet-atlas\",\"name\":\"Projet Atlas\"},"
            + "\"author\":{\"iri\":\"urn:relais:person:alice\",\"login\":\"alice\",\"displayName\":\"Alice Durand\"},"
            + "\"excerpt\":\"Promo sur nos abonnements…\",\"state\":\"visible\",\"held\":null,\"reports\":2,"
            + "\"reasons\":{\"spam\":1,\"off-topic\":1},\"comments\":[\"Démarchage\"],"
            + "\"firstReported\":\"2026-11-30T10:02:00Z\",\"lastReported\":\"2026-11-30T10:15:00Z\",\"hiddenReason\":null,\"hiddenBy\":null,\"hiddenAt\":null,"
            + "\"actions\":[\"hide\",\"remove\"]}]}";

    @Inject
    ModerationQueue queue;

    @Inject
    AuditLog audit;

    @Inject
    ModerationDecisions decisions;

    @Inject
    KeywordRules keywordRules;

    @Inject
    CurrentPerson me;

    /** A queue: the open cases, most recently reported first. */
    public record Queue(List<QueueItem> items) {
    }

    /** The organisation's keyword rules. */
    public record RulesView(List<KeywordRule> rules) {
    }

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Open reports grouped by post or comment: of a community (its owners and moderators, community managers, "
            + "admins), or organisation-wide without the parameter (community managers and admins). With state=hidden: every item "
            + "hidden now, reported or not (where a restore starts), with hiddenReason, hiddenBy and hiddenAt. Each item's actions are "
            + "the decisions the caller may take on it (none on what they wrote; restore of what the organisation hid: community "
            + "managers and admins only)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "queue", value = QUEUE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "you do not moderate this community / the organisation")
    @APIResponse(responseCode = "404", description = "no such community, or you may not see it")
    public Queue queue(@Parameter(description = "community slug; absent: the organisation-wide queue", example = "projet-atlas")
                       @QueryParam("community") String community,
                       @Parameter(description = "open (default): open reports and held items; hidden: decided and still hidden",
                               schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"open", "hidden"}))
                       @QueryParam("state") @jakarta.validation.constraints.Pattern(regexp = "open|hidden",
                               message = "must be open or hidden") String state) {
        return new Queue(queue.queue(community, "hidden".equals(state) ? ModerationQueue.Listing.HIDDEN : ModerationQueue.Listing.OPEN, me));
    }

    @POST
    @Path("/actions")
    @RolesAllowed({Roles.EMPLOYEE, Roles.COMMUNITY_MANAGER, Roles.ADMIN})
    @Operation(summary = "Hide, restore or remove a post, business card or comment, with a reason shown to its author: its community's owners and "
            + "moderators, community managers, admins; nobody on what they wrote, and only community managers and admins restore "
            + "what the organisation hid (a keyword rule's hold, a community manager's or an admin's hide). Closes its open reports; "
            + "written to the audit log; published on the log")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "decision",
            value = "{\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"action\":\"hide\",\"state\":\"hidden\","
                    + "\"reason\":\"Démarchage commercial\",\"reportsResolved\":2,\"at\":\"2026-11-30T10:20:00Z\"}")))
    @APIResponse(responseCode = "400", description = "problem+json naming the field: object, action (hide, restore, remove), reason (required, at most 500 characters)")
    @APIResponse(responseCode = "403", description = "you do not moderate it; or problem+json naming object: you wrote it, or "
            + "the organisation hid it and you are not a community manager or an admin")
    @APIResponse(responseCode = "404", description = "no such post or comment, or you may not see it")
    public DecisionView act(@Valid @NotNull ModerationRequests.Decision request) {
        return decisions.decide(request, me);
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The moderation audit log, newest first, page by page (admins)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page",
            value = "{\"entries\":[{\"id\":\"019ad3c4-5b1e-7f00-8c3a-1d2e3f405162\",\"at\":\"2026-11-30T10:20:00Z\","
                    + "\"actor\":\"urn:relais:person:bob\",\"action\":\"hide\",\"object\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\","
                    + "\"community\":\"urn:relais:community:projet-atlas\",\"reason\":\"Démarchage commercial\",\"reports\":2}],\"next\":null}")))
    public AuditLog.AuditPage audit(@Parameter(description = "id of the last entry of the previous page") @QueryParam("before") String before,
                                    @Parameter(description = "1..200", example = "50") @QueryParam("limit") Integer limit) {
        return audit.page(before, limit);
    }

    @GET
    @Path("/audit")
    @Produces("text/csv")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The whole moderation audit log as CSV, oldest first (admins; ask with Accept: text/csv)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv",
            value = "id,at,actor,action,object,community,reason,reports\n019ad3c4-5b1e-7f00-8c3a-1d2e3f405162,2026-11-30T10:20:00Z,"
                    + "urn:relais:person:bob,hide,urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70,urn:relais:community:projet-atlas,"
                    + "Démarchage commercial,2\n")))
    public Response auditCsv() {
        return Response.ok(AuditCsv.of(audit), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"moderation-audit.csv\"").build();
    }

    @GET
    @Path("/rules")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The organisation's keyword rules (admins)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "rules",
            value = "{\"rules\":[{\"term\":\"confidentiel défense\",\"mode\":\"block\"},{\"term\":\"crypto\",\"mode\":\"hold\"}]}")))
    public RulesView rules() {
        return new RulesView(keywordRules.rules());
    }

    @PUT
    @Path("/rules")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the organisation's keyword rules (admins): block refuses a post or comment with 422 naming the rule, "
            + "hold keeps it hidden in the moderation queue until a moderator restores it; recorded in the audit log")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "rules",
            value = "{\"rules\":[{\"term\":\"confidentiel défense\",\"mode\":\"block\"},{\"term\":\"crypto\",\"mode\":\"hold\"}]}")))
    @APIResponse(responseCode = "400", description = "problem+json naming the field, e.g. rules[0].mode must be block or hold")
    public RulesView replaceRules(@Valid @NotNull ModerationRequests.Rules request) {
        Instant now = Instant.now();
        List<KeywordRule> kept = keywordRules.replace(request.rules().stream().map(r -> new KeywordRule(r.term(), r.mode())).toList(),
                me.iri(), now);
        audit.record(me.iri(), "rules-changed", null, null,
                kept.isEmpty() ? "no rules" : kept.stream().map(KeywordRule::label).collect(Collectors.joining(", ")), 0, now);
        return new RulesView(kept);
    }
}
