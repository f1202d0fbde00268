package io.relais.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/**
 * feed-service as the web app uses it. Answers are kept as JSON trees: pages read the fields they
 * show, so a field added by the service never breaks a page. Post ids are local ids or full IRIs
 * (business cards), as feed-service accepts both.
 */
@RegisterRestClient(configKey = "feed")
@RegisterClientHeaders(UserToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FeedApi {

    /**
     * The largest page feed-service gives ({@code feed.limits.page-size}; a larger {@code limit} is a 400). Its
     * OpenAPI document does not state it yet, so WebCallsContractTest holds it as a consumer-side expectation.
     */
    int MAX_PAGE = 50;

    @GET
    @Path("/api/feed/home")
    JsonNode home(@QueryParam("order") String order, @QueryParam("cursor") String cursor,
                  @QueryParam("limit") int limit);

    @GET
    @Path("/api/feed/communities/{slug}")
    JsonNode communityFeed(@PathParam("slug") String slug, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") int limit);

    @GET
    @Path("/api/feed/people/{login}")
    JsonNode personFeed(@PathParam("login") String login, @QueryParam("cursor") String cursor,
                        @QueryParam("limit") int limit);

    @GET
    @Path("/api/feed/hashtags/{tag}")
    JsonNode hashtagFeed(@PathParam("tag") String tag, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") int limit);

    /** A post with the first page of its thread: {@code {post, comments, next}}. */
    @GET
    @Path("/api/posts/{id}")
    JsonNode thread(@PathParam("id") String id, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("/api/posts")
    JsonNode createPost(JsonNode request);

    /** Records that the reader opened a post, announcement or card ({@code {"object": IRI}}; 204, once a day counted). */
    @POST
    @Path("/api/views")
    void opened(JsonNode request);

    @PUT
    @Path("/api/posts/{id}")
    JsonNode editPost(@PathParam("id") String id, JsonNode request);

    @DELETE
    @Path("/api/posts/{id}")
    void deletePost(@PathParam("id") String id);

    @PUT
    @Path("/api/posts/{id}/reactions/mine")
    JsonNode react(@PathParam("id") String id, JsonNode request);

    @DELETE
    @Path("/api/posts/{id}/reactions/mine")
    JsonNode unreact(@PathParam("id") String id);

    @POST
    @Path("/api/posts/{id}/comments")
    JsonNode comment(@PathParam("id") String id, JsonNode request);

    @POST
    @Path("/api/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode upload(ClientMultipartForm form);

    @GET
    @Path("/api/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    Response attachment(@PathParam("id") String id);

    /** The community directory (name contains {@code q}; secret ones only to their members), at most {@link #MAX_PAGE}. */
    @GET
    @Path("/api/communities")
    JsonNode communities(@QueryParam("q") String query, @QueryParam("limit") Integer limit);

    @POST
    @Path("/api/communities")
    JsonNode createCommunity(JsonNode request);

    @GET
    @Path("/api/communities/{slug}")
    JsonNode community(@PathParam("slug") String slug);

    @GET
    @Path("/api/communities/{slug}/members")
    JsonNode members(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/join")
    JsonNode join(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/leave")
    void leave(@PathParam("slug") String slug);

    @GET
    @Path("/api/communities/{slug}/requests")
    JsonNode joinRequests(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/requests/{login}/approve")
    void approve(@PathParam("slug") String slug, @PathParam("login") String login);

    @POST
    @Path("/api/communities/{slug}/requests/{login}/reject")
    void reject(@PathParam("slug") String slug, @PathParam("login") String login);

    @POST
    @Path("/api/communities/{slug}/invitations")
    void invite(@PathParam("slug") String slug, JsonNode request);

    @GET
    @Path("/api/communities/{slug}/invitations")
    JsonNode invitations(@PathParam("slug") String slug);

    @DELETE
    @Path("/api/communities/{slug}/invitations/{login}")
    void withdrawInvitation(@PathParam("slug") String slug, @PathParam("login") String login);

    @POST
    @Path("/api/communities/{slug}/invitations/mine/accept")
    void acceptInvitation(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/invitations/mine/decline")
    void declineInvitation(@PathParam("slug") String slug);

    @POST
    @Path("/api/communities/{slug}/pins/{postId}")
    void pin(@PathParam("slug") String slug, @PathParam("postId") String postId);

    @DELETE
    @Path("/api/communities/{slug}/pins/{postId}")
    void unpin(@PathParam("slug") String slug, @PathParam("postId") String postId);

    /** {@code {items, next, unread}} */
    @GET
    @Path("/api/notifications")
    JsonNode notifications(@QueryParam("cursor") String cursor);

    /** One of my notifications as my list shows it ({@code {id, kind, actor, …, at, read}}); 404 when not in my list. */
    @GET
    @Path("/api/notifications/{id}")
    JsonNode notification(@PathParam("id") String id);

    /** {@code {unread}} */
    @GET
    @Path("/api/notifications/unread-count")
    JsonNode unreadCount();

    @POST
    @Path("/api/notifications/{id}/read")
    void markRead(@PathParam("id") String id);

    @POST
    @Path("/api/notifications/read-all")
    void markAllRead();

    @PUT
    @Path("/api/notifications/mutes/{kind}/{id}")
    void mute(@PathParam("kind") String kind, @PathParam("id") String id);

    /** What I follow: {@code {persons: [{iri, login, displayName}], communities: [iri], hashtags: [iri]}}. */
    @GET
    @Path("/api/follows/mine")
    JsonNode myFollows();

    @PUT
    @Path("/api/follows/{kind}/{id}")
    void follow(@PathParam("kind") String kind, @PathParam("id") String id);

    @DELETE
    @Path("/api/follows/{kind}/{id}")
    void unfollow(@PathParam("kind") String kind, @PathParam("id") String id);
    /** Owners change name, description or visibility; only the fields present change. 400 names the refused field. */
    @PUT
    @Path("/api/communities/{slug}")
    JsonNode editCommunity(@PathParam("slug") String slug, JsonNode changes);

    /** Owners (and admins) archive: it stays readable, no more posts or joins. */
    @POST
    @Path("/api/communities/{slug}/archive")
    JsonNode archiveCommunity(@PathParam("slug") String slug);

    /** Owners (and admins) undo an archive: posts, comments, reactions and joins are possible again. Idempotent. */
    @DELETE
    @Path("/api/communities/{slug}/archive")
    JsonNode unarchiveCommunity(@PathParam("slug") String slug);

    /** Owners set a member's role ({@code {"role": "member|moderator|owner"}}); 409 when the last owner would step down. */
    @PUT
    @Path("/api/communities/{slug}/members/{login}/role")
    void changeRole(@PathParam("slug") String slug, @PathParam("login") String login, JsonNode request);

    /** Owners and moderators remove a member (only owners remove moderators); 409 for the last owner. */
    @DELETE
    @Path("/api/communities/{slug}/members/{login}")
    void removeMember(@PathParam("slug") String slug, @PathParam("login") String login);

    /** Edits my comment; answers the comment as readers get it ({@code content} HTML, {@code source} Markdown). */
    @PUT
    @Path("/api/posts/{postId}/comments/{commentId}")
    JsonNode editComment(@PathParam("postId") String postId, @PathParam("commentId") String commentId, JsonNode request);

    /** Deletes a comment (its author, the community's owners and moderators, or an admin). */
    @DELETE
    @Path("/api/posts/{postId}/comments/{commentId}")
    void deleteComment(@PathParam("postId") String postId, @PathParam("commentId") String commentId);

    /** {@code {object, counts: {kind: n}, mine, people}} after my reaction ({@code {"kind": "like"}}). */
    @PUT
    @Path("/api/posts/{postId}/comments/{commentId}/reactions/mine")
    JsonNode reactToComment(@PathParam("postId") String postId, @PathParam("commentId") String commentId, JsonNode request);

    /** Takes my reaction to a comment back; the same answer as {@link #reactToComment}. */
    @DELETE
    @Path("/api/posts/{postId}/comments/{commentId}/reactions/mine")
    JsonNode unreactToComment(@PathParam("postId") String postId, @PathParam("commentId") String commentId);

    /** What I muted: {@code {mutes: [{kind: community|thread, id}]}}. */
    @GET
    @Path("/api/notifications/mutes")
    JsonNode mutes();

    /** Notifications about that community ({@code kind=community}, slug) or thread ({@code kind=thread}, post id) again. */
    @DELETE
    @Path("/api/notifications/mutes/{kind}/{id}")
    void unmute(@PathParam("kind") String kind, @PathParam("id") String id);

    /** Publishes an organisation-wide announcement (community managers): {@code {content, expires?, attachments?}}. */
    @POST
    @Path("/api/announcements")
    JsonNode announce(JsonNode request);

    /** Dismisses an announcement: it leaves my home feed. */
    @POST
    @Path("/api/announcements/{id}/dismiss")
    void dismissAnnouncement(@PathParam("id") String id);

    /** Whether I dismissed the welcome panel: {@code {dismissed, dismissedAt}} (kept with my notification settings). */
    @GET
    @Path("/api/me/onboarding")
    JsonNode onboarding();

    /** Dismisses the welcome panel ({@code {"dismissed":true}}) or shows it again. */
    @PUT
    @Path("/api/me/onboarding")
    JsonNode setOnboarding(JsonNode request);

    /**
     * Reports a post or comment to its moderators: {@code {object: IRI, reason: spam|harassment|off-topic|confidential|other,
     * comment?}}. 201 reported, 200 already reported by me (my first report, unchanged); 404 when I may not see it.
     */
    @POST
    @Path("/api/reports")
    Response report(JsonNode request);

    /**
     * A moderation queue {@code {items: [...]}}: of a community ({@code community} slug) or organisation-wide (null);
     * {@code state} open (reported or held) or hidden (decided and still hidden). 403 when I moderate none of it, 404
     * when the community is unknown to me. feed-service alone decides who moderates what.
     */
    @GET
    @Path("/api/moderation/queue")
    JsonNode moderationQueue(@QueryParam("community") String community, @QueryParam("state") String state);

    /** Hides, restores or removes a post or comment: {@code {object, action, reason}}; answers the decision. */
    @POST
    @Path("/api/moderation/actions")
    JsonNode moderate(JsonNode request);

    /** A page of the moderation audit log, newest first: {@code {entries: [...], next}} (admins). */
    @GET
    @Path("/api/moderation/audit")
    JsonNode moderationAudit(@QueryParam("before") String before, @QueryParam("limit") Integer limit);

    /** The whole moderation audit log as CSV, oldest first (admins). */
    @GET
    @Path("/api/moderation/audit")
    @Produces("text/csv")
    String moderationAuditCsv();

    /** The organisation's keyword rules: {@code {rules: [{term, mode: block|hold}]}} (admins). */
    @GET
    @Path("/api/moderation/rules")
    JsonNode keywordRules();

    /** Replaces the organisation's keyword rules as a whole (admins); answers the rules kept. */
    @PUT
    @Path("/api/moderation/rules")
    JsonNode replaceKeywordRules(JsonNode request);
}
