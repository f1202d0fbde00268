package io.relais.web.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.Fragments;
import io.relais.web.layout.Pages;
import io.relais.web.services.FeedApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** My notifications: the list with context, the unread badge, marking read, muting and unmuting a thread or a community. */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class NotificationsPage {

    @Inject
    Pages pages;

    @Inject
    Fragments fragments;


    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    @Location("notification/list.html")
    Template list;

    @Inject
    @Location("notification/item.html")
    Template item;

    @Inject
    @Location("notification/badge.html")
    Template badge;

    @Inject
    NotificationContext context;

    @Inject
    @Location("notification/settings.html")
    Template settings;

    /** My notifications, each with its context (excerpt, community name, sending system). */
    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        JsonNode page = feed.notifications(cursor);
        context.addTo(page, pages.locale());
        return pages.of(list).data("nav", "notifications").data("page", page).data("firstPage", cursor == null || cursor.isBlank());
    }

    /**
     * One of my notifications as the list shows it, alone: what the page's live script inserts back at its place when
     * feed-service says a notification is listed again ({@code notifications-shown-again}). Read from feed-service with
     * my own token, so only a notification of mine that is in my list now is shown; otherwise 204 and nothing to insert.
     */
    @GET
    @Path("item/{id}")
    public Response item(@PathParam("id") String id) {
        JsonNode n;
        try {
            n = feed.notification(id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == Response.Status.NOT_FOUND.getStatusCode()) return Response.noContent().build();
            throw e;
        }
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.putArray("items").add(n);
        context.addTo(page, pages.locale());
        return Response.ok(pages.of(item).data("n", page.path("items").get(0))).build();
    }

    /**
     * Notification settings: the communities and conversations I muted, each by its name or an excerpt, with
     * "notify me again". {@code done=unmuted} shows that the last unmute worked.
     */
    @GET
    @Path("settings")
    public TemplateInstance settings(@QueryParam("done") String done) {
        List<Muted> muted = new ArrayList<>();
        Locale reader = pages.locale();
        for (JsonNode m : feed.mutes().path("mutes")) {
            String kind = m.path("kind").asText();
            String id = m.path("id").asText();
            Optional<String> label = "community".equals(kind) ? context.communityName(id) : context.postExcerpt(id, reader);
            muted.add(new Muted(kind, id, label.orElse(null)));
        }
        return pages.of(settings).data("nav", "notifications").data("muted", muted).data("unmuted", "unmuted".equals(done));
    }

    /** Notify me again about a community or a conversation; then back to the settings (post/redirect/get). */
    @POST
    @Path("unmute")
    public Response unmute(@RestForm String kind, @RestForm String id) {
        if (id == null || id.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException("id is required");
        }
        feed.unmute("community".equals(kind) ? "community" : "thread", id);
        return Response.seeOther(java.net.URI.create("/notifications/settings?done=unmuted")).build();
    }

    /**
     * One muted community or conversation as the settings page lists it.
     *
     * @param kind  {@code community} or {@code thread}
     * @param id    the community's slug or the post's id, as feed-service names the mute
     * @param label the community's name or an excerpt of the post; null when I may no longer see it
     */
    @io.quarkus.qute.TemplateData
    public record Muted(String kind, String id, String label) {
    }

    /** The unread count in the top bar; a service hiccup shows no badge rather than an error. */
    @GET
    @Path("badge")
    public TemplateInstance badge() {
        long unread;
        try {
            unread = feed.unreadCount().path("unread").asLong();
        } catch (RuntimeException unavailable) {
            unread = 0;
        }
        return pages.of(badge).data("unread", unread);
    }

    /** Marks one notification read, or all of them when no id is given; then back to the list (post/redirect/get). */
    @POST
    @Path("read")
    public Response markRead(@RestForm String id) {
        if (id != null && !id.isBlank()) {
            feed.markRead(id);
        } else {
            feed.markAllRead();
        }
        return Response.seeOther(java.net.URI.create("/notifications")).build();
    }

    @POST
    @Path("mute")
    public Response mute(@RestForm String kind, @RestForm String id) {
        feed.mute("community".equals(kind) ? "community" : "thread", id);
        return fragments.flash("ok", pages.msg().muted());
    }
}
