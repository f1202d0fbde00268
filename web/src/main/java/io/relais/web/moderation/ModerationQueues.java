package io.relais.web.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.relais.web.layout.ElementIds;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A moderation queue page and its decisions, for the organisation ({@code community} null) or one community.
 * Who may read a queue or decide is feed-service's answer alone: its 403 becomes the refusal page, its 404 (a
 * community I may not know) the not-found page; the web app holds no second rule.
 */
@RequestScoped
public class ModerationQueues {

    /** The two lists of a queue: what waits for a decision, and what stays hidden (where a restore starts). */
    static final String OPEN = "open";
    static final String HIDDEN = "hidden";

    @Inject
    Pages pages;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("moderation/queue.html")
    Template queuePage;

    @Inject
    @Location("moderation/decided.html")
    Template decided;

    @Inject
    @Location("error.html")
    Template errorPage;

    /** The queue page: {@code state} open (default) or hidden; {@code done} the decision just made, for the status line. */
    Response page(String community, String state, String done) {
        String listing = HIDDEN.equals(state) ? HIDDEN : OPEN;
        JsonNode queue;
        try {
            queue = feed.moderationQueue(community, HIDDEN.equals(listing) ? HIDDEN : null);
        } catch (ClientWebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403) {
                return refusal();
            }
            throw refused;
        }
        JsonNode about = community == null ? null : feed.community(community);
        String html = pages.of(queuePage).data("nav", "moderation").data("items", queue.path("items"))
                .data("listing", listing).data("community", about).data("slug", community)
                .data("base", base(community)).data("done", doneWord(done)).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * Sends a decision. A blank reason is refused here before anything is sent (the author must read why); any other
     * refusal is feed-service's. htmx gets the case's new line; a plain form goes back to the queue with a status line.
     */
    Response decide(String community, String state, String object, String action, String reason, String htmx) {
        boolean viaHtmx = "true".equals(htmx);
        ModerationMsg words = ModerationWords.of(pages);
        if (reason == null || reason.isBlank()) {
            String slot = "#decision-error-" + ElementIds.of(object);
            String html = pages.of(decided).data("slot", true).data("message", words.reasonRequired()).render();
            return viaHtmx ? Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("HX-Retarget", slot).header("HX-Reswap", "innerHTML").build()
                    : status(422, errorPage, words.reasonRequired());
        }
        JsonNode decision;
        try {
            decision = feed.moderate(JsonNodeFactory.instance.objectNode().put("object", object).put("action", action).put("reason", reason));
        } catch (ClientWebApplicationException refused) {
            if (refused.getResponse().getStatus() == 403 && !viaHtmx) {
                return refusal();
            }
            throw refused;
        }
        String outcome = decision.path("at").isNull() || decision.path("at").isMissingNode() ? "unchanged" : decision.path("action").asText();
        if (viaHtmx) {
            String html = pages.of(decided).data("slot", false).data("id", ElementIds.of(object)).data("object", object)
                    .data("message", doneWord(outcome)).render();
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        String back = base(community) + "?done=" + URLEncoder.encode(outcome, StandardCharsets.UTF_8)
                + (HIDDEN.equals(state) ? "&state=hidden" : "");
        return Response.seeOther(URI.create(back)).build();
    }

    /** The refusal page (403): this person moderates nothing the page would show. */
    Response refusal() {
        return status(403, errorPage, ModerationWords.of(pages).refused());
    }

    private Response status(int status, Template template, String message) {
        return Response.status(status).entity(pages.of(template).data("message", message).data("nav", "").render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    static String base(String community) {
        return community == null ? "/moderation" : "/communities/" + URLEncoder.encode(community, StandardCharsets.UTF_8) + "/moderation";
    }

    private String doneWord(String done) {
        if (done == null) {
            return null;
        }
        ModerationMsg words = ModerationWords.of(pages);
        return switch (done) {
            case "hide" -> words.doneHide();
            case "restore" -> words.doneRestore();
            case "remove" -> words.doneRemove();
            case "unchanged" -> words.unchanged();
            default -> null;
        };
    }
}
