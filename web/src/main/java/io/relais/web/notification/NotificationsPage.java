package io.relais.web.notification;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** My notifications: the list, the unread badge, marking read, muting a thread or a community. */
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
    @Location("notification/badge.html")
    Template badge;

    @GET
    public TemplateInstance list(@QueryParam("cursor") String cursor) {
        return pages.of(list).data("nav", "notifications").data("page", feed.notifications(cursor));
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
