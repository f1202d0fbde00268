package io.relais.feed.notification;

import io.relais.events.Iri;
import io.relais.feed.community.CommunityService;
import io.relais.feed.community.MembershipService;
import io.relais.feed.thread.ThreadAccess;
import io.relais.feed.timeline.Cursor;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

@Path("/api/notifications")
@Tag(name = "notifications", description = "My notifications: mentions, replies, reactions, community requests, business events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
public class NotificationResource {

    static final String COMMUNITY = "community";
    static final String THREAD = "thread";

    @Inject
    NotificationStore store;

    @Inject
    NotificationConfig config;

    @Inject
    NotificationViews views;

    @Inject
    CurrentPerson me;

    @Inject
    MembershipService memberships;

    static final String PAGE_EXAMPLE = "{\"items\":[{\"id\":\"20412.019a8f31-0b7e-7f21-8c44-5d2a1e6f9b04\",\"kind\":\"mention\","
            + "\"actor\":{\"iri\":\"urn:relais:person:alice\",\"login\":\"alice\",\"displayName\":\"Alice Durand\"},"
            + "\"object\":\"urn:relais:comment:019a8f31-0b7e-7f21-8c44-5d2a1e6f9b03\","
            + "\"post\":\"urn:relais:post:019a8f2e-7c1d-7d4e-9a3b-2f1e0c9b8a70\",\"community\":\"urn:relais:community:projet-atlas\","
            + "\"at\":\"2026-11-20T09:15:00Z\",\"read\":false,\"excerpt\":\"Bravo @bob pour la démo de vendredi, on en reparle lundi\","
            + "\"communityName\":\"Projet Atlas\",\"available\":true},"
            + "{\"id\":\"20412.019a8f40-1111-7f21-8c44-5d2a1e6f9b05\",\"kind\":\"business-event\","
            + "\"actor\":{\"iri\":\"urn:relais:system:crm.salesforce\",\"displayName\":\"Salesforce CRM\"},"
            + "\"object\":\"urn:relais:external:crm.salesforce:006Q\",\"post\":\"urn:relais:external:crm.salesforce:006Q\","
            + "\"detail\":\"deal-won\",\"at\":\"2026-11-20T10:00:00Z\",\"read\":true,\"sender\":\"Salesforce CRM\","
            + "\"title\":{\"en\":\"Deal won: Acme renewal\",\"fr\":\"Affaire gagnée : renouvellement Acme\"},\"available\":true},"
            + "{\"id\":\"20411.019a8a10-2222-7f21-8c44-5d2a1e6f9b06\",\"kind\":\"hidden\","
            + "\"actor\":{\"iri\":\"urn:relais:source:moderation\"},"
            + "\"object\":\"urn:relais:post:019a8a0e-5b2c-7d4e-9a3b-2f1e0c9b8a71\",\"post\":\"urn:relais:post:019a8a0e-5b2c-7d4e-9a3b-2f1e0c9b8a71\","
            + "\"detail\":\"Hors charte\",\"at\":\"2026-11-19T16:40:00Z\",\"read\":true,\"available\":true},"
            + "{\"id\":\"20410.019a85e0-3333-7f21-8c44-5d2a1e6f9b07\",\"kind\":\"invitation\","
            + "\"actor\":{\"iri\":\"urn:relais:person:bob\",\"login\":\"bob\",\"displayName\":\"Bob Martin\"},"
            + "\"at\":\"2026-11-18T08:05:00Z\",\"read\":true,\"available\":false}],"
            + "\"next\":null,\"unread\":1}";

    @Inject
    CommunityService communities;

    @Inject
    ThreadAccess threads;

    @GET
    @Operation(summary = "My notifications, newest first", description = "Pass the previous page's next as cursor. Each carries "
            + "its context when I may still see it: excerpt (plain text of the comment or post, at most 140 characters, cut on a "
            + "word), communityName, and for a business event sender (the system) and title (by language). A moderation notice "
            + "(kind hidden, restored, removed; detail = the reason) names as actor the community (actor.iri = its IRI, "
            + "actor.displayName = its name) or urn:relais:source:moderation for an organisation-wide item, never the moderator. "
            + "A community I may not know exists (a secret one I left, was removed from, or whose invitation was withdrawn) "
            + "is never named, its IRI carrying its confidential slug: no community, no object or post that is its IRI (an "
            + "invitation, a join request or an approval then names no community), no communityName, and a moderation notice "
            + "there has urn:relais:source:moderation as actor. available (always present) says whether I may still open what "
            + "it is about: false when the post, card or comment it names is one I may no longer see (deleted, hidden from me, "
            + "in a community I left) or the community it names one I may no longer know exists; its object and post are "
            + "then no link to follow (GET /api/posts/{id} would answer 404).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "page", value = PAGE_EXAMPLE)))
    public NotificationView.Page list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = limit == null ? config.defaultPageSize() : limit;
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + config.maxPageSize());
        }
        NotificationStore.Page page = store.list(me.iri(), Cursor.decode(cursor), size);
        return new NotificationView.Page(views.of(page.items(), memberships.viewerOf(me)), page.next(), store.unread(me.iri()));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many notifications I have not read")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "count", value = "{\"unread\": 3}")))
    public NotificationView.UnreadCount unreadCount() {
        return new NotificationView.UnreadCount(store.unread(me.iri()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my notifications, as my list shows it", description = "With the same context as in "
            + "GET /api/notifications. What a page asks when a notification comes back into my list live "
            + "(notifications-shown-again on GET /api/live), to show it at its place.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "notification", value = "{\"id\":\"20412.019a8f3c-7d2e-7b41-9a0e-3c5d2f1e8a77\",\"kind\":\"mention\","
            + "\"actor\":{\"login\":\"alice\"},\"object\":\"urn:relais:comment:019a8f3c\",\"at\":\"2026-11-20T09:15:00Z\","
            + "\"read\":false,\"available\":true}")))
    @APIResponse(responseCode = "404", description = "problem+json: not in my list (no such notification, or one taken back)")
    public NotificationView one(@PathParam("id") String id) {
        Notification n = store.listed(me.iri(), id).orElseThrow(() -> ProblemException.notFound("notification " + id));
        return views.of(List.of(n), memberships.viewerOf(me)).get(0);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read (idempotent)")
    @APIResponse(responseCode = "204", description = "read")
    @APIResponse(responseCode = "404", description = "not one of my notifications")
    public void markRead(@PathParam("id") String id) {
        if (!store.markRead(me.iri(), id)) {
            throw ProblemException.notFound("notification " + id);
        }
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read")
    @APIResponse(responseCode = "204", description = "all read")
    public void markAllRead() {
        store.markAllRead(me.iri(), System.currentTimeMillis());
    }

    @GET
    @Path("/mutes")
    @Operation(summary = "The communities and threads I muted")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "mutes", value = "{\"mutes\": [{\"kind\": \"community\", \"id\": \"atlas\"}, {\"kind\": \"thread\", \"id\": \"019b1c2e-...\"}]}")))
    public NotificationView.Mutes mutes() {
        List<NotificationView.Mute> out = new ArrayList<>();
        for (String iri : store.mutesOf(me.iri())) {
            out.add(new NotificationView.Mute(Iri.isKind(iri, Iri.COMMUNITY) ? COMMUNITY : THREAD, Iri.localId(iri)));
        }
        return new NotificationView.Mutes(out);
    }

    @PUT
    @Path("/mutes/{kind}/{id}")
    @Operation(summary = "Stop notifications about a community (kind=community, id=slug) or a thread (kind=thread, id=post id)")
    @APIResponse(responseCode = "204", description = "muted (idempotent)")
    @APIResponse(responseCode = "400", description = "unknown kind, malformed id, or too many mutes")
    @APIResponse(responseCode = "404", description = "no such community or post, or one you may not see (the same answer); nothing is stored")
    public void mute(@PathParam("kind") String kind, @PathParam("id") String id) {
        String iri = muteIri(kind, id);
        requireVisible(kind, iri);
        if (!store.mute(me.iri(), iri)) {
            throw ProblemException.invalid("id", "cannot be muted: at most " + config.maxMutes() + " mutes; remove one first");
        }
    }

    /**
     * Only what the person may see is muted: a community they may know exists (as {@code GET
     * /api/communities/{slug}}), a post or card they may read (as {@code GET /api/posts/{id}}); anything else,
     * existing or not, is the same 404, so the mute list holds no junk and says nothing about hidden things.
     */
    private void requireVisible(String kind, String iri) {
        if (COMMUNITY.equals(kind)) {
            communities.visible(Iri.localId(iri), me);
        } else {
            threads.visiblePost(ThreadAccess.postIri(iri), memberships.viewerOf(me));
        }
    }

    @DELETE
    @Path("/mutes/{kind}/{id}")
    @Operation(summary = "Receive notifications about that community or thread again")
    @APIResponse(responseCode = "204", description = "unmuted (idempotent)")
    public void unmute(@PathParam("kind") String kind, @PathParam("id") String id) {
        store.unmute(me.iri(), muteIri(kind, id));
    }

    /** The IRI a mute is stored under; 400 naming {@code kind} or {@code id} when the path is not one. */
    static String muteIri(String kind, String id) {
        try {
            return switch (kind) {
                case COMMUNITY -> id.startsWith(Iri.PREFIX) && Iri.isKind(id, Iri.COMMUNITY) ? id : Iri.community(id);
                case THREAD -> id.startsWith(Iri.PREFIX) && Iri.isValid(id) ? id : Iri.post(id);
                default -> throw ProblemException.invalid("kind", "must be community or thread");
            };
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a community slug or a post id");
        }
    }
}
