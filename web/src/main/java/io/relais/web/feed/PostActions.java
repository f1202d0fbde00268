package io.relais.web.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.relais.web.layout.ElementIds;
import io.relais.web.layout.JsonValues;
import io.relais.web.layout.Me;
import io.relais.web.layout.NotAllowed;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Set;

/**
 * Everything one can do to a post from its card: publish, edit, delete, react, comment, reply; and to a comment:
 * edit, delete, react, page through a long thread. Each
 * answer is the HTML fragment htmx swaps in place. A post is named by its local id, or by its full IRI
 * for business cards.
 */
@Path("/posts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"employee", "admin"})
public class PostActions {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PostActions.class);

    /** Characters of a post's text in its page's title. */
    static final int TITLE_EXCERPT = 60;

    static final Set<String> REACTIONS = Set.of("like", "celebrate", "insightful", "support");

    @Inject
    Pages pages;

    @Inject
    Composer composer;

    @Inject
    @RestClient
    FeedApi feed;

    @Inject
    Me me;

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

    @Inject
    @Location("feed/comment-list.html")
    Template commentList;

    @Inject
    @Location("feed/comments-page.html")
    Template commentsPage;

    @Inject
    @Location("feed/comment.html")
    Template comment;

    @Inject
    @Location("feed/problem.html")
    Template problem;

    @Inject
    @Location("feed/comment-reactions.html")
    Template commentReactions;

    @Inject
    @Location("feed/comment-deleted.html")
    Template commentDeleted;

    @Inject
    @Location("feed/post-reacted.html")
    Template postReacted;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object publish(@RestForm String content, @RestForm String audience,
                          @RestForm("files") List<FileUpload> files, @HeaderParam("HX-Request") String htmx) {
        try {
            return answer(composer.publish(content, audience, files), audience, htmx);
        } catch (ClientWebApplicationException refused) {
            return refusedNextTo("composer-error", refused, htmx);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object publishWithoutFiles(@RestForm String content, @RestForm String audience,
                                      @HeaderParam("HX-Request") String htmx) {
        try {
            return answer(composer.publish(content, audience, List.of()), audience, htmx);
        } catch (ClientWebApplicationException refused) {
            return refusedNextTo("composer-error", refused, htmx);
        }
    }

    /**
     * A refusal of what was written, said next to the form (its error slot) in the reader's language; any other
     * refusal, or a request without htmx, goes to {@code ServiceErrors} (status message or error page).
     */
    private Response refusedNextTo(String slot, ClientWebApplicationException refused, String htmx) {
        if (!"true".equals(htmx) || !WritingProblems.isAboutTheText(refused)) {
            throw refused;
        }
        String sentence = WritingProblems.sentence(refused, pages.msg(), "en".equals(pages.locale().getLanguage()));
        return WritingProblems.inSlot(slot, pages.of(problem).data("sentence", sentence).render());
    }

    /** A comment's local id, what its element ids are made of ({@code reply-<id>}, {@code edit-comment-<id>}). */
    private static String localId(String idOrIri) {
        return idOrIri.substring(idOrIri.lastIndexOf(':') + 1);
    }

    /** htmx gets the new card to put on top of the feed; a plain form post goes back to where the post now is. */
    private Object answer(JsonNode created, String audience, String htmx) {
        if ("true".equals(htmx)) {
            return cardOf(created).data("done", pages.msg().postPublished());
        }
        String slug = created.path("community").path("slug").asText("");
        return Response.seeOther(java.net.URI.create(slug.isEmpty() ? "/" : "/communities/" + slug)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance page(@PathParam("id") String id) {
        JsonNode thread = feed.thread(id, null, 50);
        opened(thread);
        return pages.of(postPage).data("nav", "").data("post", thread.path("post")).data("thread", thread)
                .data("pageTitle", titleOf(thread.path("post")));
    }

    /**
     * The page's title: whose post it is and its first words, as plain text (Qute escapes it). A business card's words
     * are those the card shows, written for the reader by {@link BusinessCards} (its title, else its summary, else its
     * kind): feed-service's {@code content} for a card is its French summary naming people by login.
     */
    private String titleOf(JsonNode post) {
        JsonNode author = post.path("author");
        String name = author.path("displayName").asText("");
        if (name.isBlank()) name = author.path("login").asText("");
        if (name.isBlank()) name = post.path("card").path("systemName").asText("");
        if (name.isBlank()) return pages.msg().posts();
        if ("card".equals(post.path("kind").asText())) {
            return pages.msg().postBy(name.strip(), PostText.cut(cardWords(post), TITLE_EXCERPT));
        }
        return pages.msg().postBy(name.strip(), PostText.excerpt(post.path("content").asText(""), TITLE_EXCERPT));
    }

    private String cardWords(JsonNode post) {
        JsonNode card = post.path("card");
        JsonNode author = post.path("author");
        String title = BusinessCards.title(card, author, pages.locale());
        if (!title.isBlank()) return title;
        String summary = BusinessCards.summary(card, author, pages.locale());
        return summary.isBlank() ? BusinessCards.label(card, pages.locale()) : summary;
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
        // the form would show someone else's text ready to edit, and saving would be refused: the thread's can.edit says
        if (!Permissions.edit(post, me.login())) {
            throw new NotAllowed();
        }
        return pages.of(editForm).data("post", post).data("text", PostText.editable(post));
    }

    /** Saves my edited post; a refusal of the text is said next to the edit form, which keeps what I typed. */
    @POST
    @Path("{id}")
    public Object save(@PathParam("id") String id, @RestForm String content, @HeaderParam("HX-Request") String htmx) {
        try {
            return cardOf(feed.editPost(id, typed(content))).data("done", pages.msg().changesSaved());
        } catch (ClientWebApplicationException refused) {
            return refusedNextTo("edit-" + ElementIds.of(id) + "-error", refused, htmx);
        }
    }

    /** An empty answer: htmx replaces the card with nothing. */
    @DELETE
    @Path("{id}")
    public String delete(@PathParam("id") String id) {
        feed.deletePost(id);
        return "";
    }

    /** Dismisses an announcement for me; an empty answer: htmx removes its card. */
    @POST
    @Path("{id}/dismiss")
    public String dismiss(@PathParam("id") String id) {
        feed.dismissAnnouncement(id);
        return "";
    }

    /**
     * Choosing the reaction one already has takes it back. Answers the post's reaction bar only (and its comment count,
     * out of band): redrawing the whole card would close the thread open under it.
     */
    @POST
    @Path("{id}/react")
    public TemplateInstance react(@PathParam("id") String id, @RestForm String reaction, @RestForm String current) {
        if (reaction != null && reaction.equals(current)) {
            feed.unreact(id);
        } else if (reaction != null && REACTIONS.contains(reaction)) {
            feed.react(id, JsonNodeFactory.instance.objectNode().put("kind", reaction));
        }
        JsonNode post = feed.thread(id, null, 1).path("post");
        // said in the status region: focus stays on the pressed button (it keeps its id), the change is announced
        return pages.of(postReacted).data("post", post).data("done", reactionDone(post.path("myReaction").asText("")));
    }

    /** "Your reaction: Like." or "Your reaction is taken back.", in the reader's language. */
    private String reactionDone(String myReaction) {
        io.relais.web.layout.Msg msg = pages.msg();
        ReactionMsg words = io.quarkus.qute.i18n.MessageBundles.get(ReactionMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(pages.locale().getLanguage()));
        return switch (myReaction) {
            case "like" -> words.reacted(msg.like());
            case "celebrate" -> words.reacted(msg.celebrate());
            case "insightful" -> words.reacted(msg.insightful());
            case "support" -> words.reacted(msg.support());
            default -> words.takenBack();
        };
    }

    /** The thread (first page and the comment box); with a cursor, the next page of comments only ("show more"). */
    @GET
    @Path("{id}/comments")
    public TemplateInstance comments(@PathParam("id") String id, @QueryParam("cursor") String cursor) {
        if (cursor == null || cursor.isBlank()) {
            JsonNode first = feed.thread(id, null, FeedApi.MAX_PAGE);
            opened(first);
            return pages.of(thread).data("postRef", id).data("thread", first).data("countOob", true);
        }
        return pages.of(commentsPage).data("postRef", id).data("page", feed.thread(id, cursor, FeedApi.MAX_PAGE));
    }

    /** The first page of comments alone: what the page reloads when the live stream says the thread changed. */
    @GET
    @Path("{id}/comments/list")
    public TemplateInstance commentList(@PathParam("id") String id) {
        return pages.of(commentList).data("postRef", id).data("thread", feed.thread(id, null, FeedApi.MAX_PAGE))
                .data("countOob", true);
    }

    /** Saves my edited comment (the typed Markdown); answers the comment as it now reads. */
    @POST
    @Path("{id}/comments/{commentId}")
    public Object editComment(@PathParam("id") String id, @PathParam("commentId") String commentId,
                              @RestForm String content, @HeaderParam("HX-Request") String htmx) {
        try {
            return pages.of(comment).data("postRef", id).data("c", feed.editComment(id, commentId, typed(content)))
                    .data("done", pages.msg().changesSaved());
        } catch (ClientWebApplicationException refused) {
            return refusedNextTo("edit-comment-" + localId(commentId) + "-error", refused, htmx);
        }
    }

    /**
     * htmx replaces the comment with nothing, or, when replies to it remain, with the placeholder they stand under (as
     * the thread shows it on its next load); the status region says it is gone.
     */
    @DELETE
    @Path("{id}/comments/{commentId}")
    public TemplateInstance deleteComment(@PathParam("id") String id, @PathParam("commentId") String commentId) {
        feed.deleteComment(id, commentId);
        JsonNode after = threadAfterDelete(id);
        return pages.of(commentDeleted).data("answered", Replies.anyAnswers(after.path("comments"), commentId))
                .data("parent", commentId).data("post", after.path("post")).data("done", pages.msg().commentDeleted());
    }

    /** The thread once a comment is deleted; the deletion is done, so a service that does not answer now costs only the extras. */
    private JsonNode threadAfterDelete(String id) {
        try {
            return feed.thread(id, null, FeedApi.MAX_PAGE);
        } catch (RuntimeException e) {
            LOG.debugf("thread %s not read after a delete: %s", id, e.getMessage());
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** The same reactions as posts; choosing the one I already have takes it back. Answers the comment's reaction bar. */
    @POST
    @Path("{id}/comments/{commentId}/react")
    public TemplateInstance reactToComment(@PathParam("id") String id, @PathParam("commentId") String commentId,
                                           @RestForm String reaction, @RestForm String current) {
        JsonNode reactions;
        if (reaction != null && reaction.equals(current)) {
            reactions = feed.unreactToComment(id, commentId);
        } else if (reaction != null && REACTIONS.contains(reaction)) {
            reactions = feed.reactToComment(id, commentId, JsonNodeFactory.instance.objectNode().put("kind", reaction));
        } else {
            throw new jakarta.ws.rs.BadRequestException("reaction must be one of " + REACTIONS);
        }
        JsonNode answer = reactions == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : reactions;
        return pages.of(commentReactions).data("postRef", id).data("cid", commentId)
                .data("reactions", answer.path("counts")).data("myReaction", JsonValues.unwrap(answer.path("mine")));
    }

    @POST
    @Path("{id}/comments")
    public Object comment(@PathParam("id") String id, @RestForm String content, @RestForm String inReplyTo,
                          @HeaderParam("HX-Request") String htmx) {
        ObjectNode body = typed(content);
        boolean reply = inReplyTo != null && !inReplyTo.isBlank();
        if (reply) {
            body.put("inReplyTo", inReplyTo);
        }
        try {
            feed.comment(id, body);
        } catch (ClientWebApplicationException refused) {
            return refusedNextTo(reply ? "reply-" + localId(inReplyTo) + "-error" : "comment-on-" + ElementIds.of(id) + "-error",
                    refused, htmx);
        }
        return threadOf(id).data("done", pages.msg().commentPublished());
    }

    /**
     * The reader opened this item's thread (its page, or its comments in a feed): feed-service counts it for the reach
     * of announcements and cards (once per person, item and day). Counting must never stop anyone reading, so a
     * refusal or an outage is logged and the page is served.
     */
    private void opened(JsonNode thread) {
        String object = thread == null ? "" : thread.path("post").path("id").asText("");
        if (object.isEmpty()) return;
        try {
            feed.opened(JsonNodeFactory.instance.objectNode().put("object", object));
        } catch (RuntimeException e) {
            LOG.debugf("open of %s not recorded: %s", object, e.getMessage());
        }
    }

    private TemplateInstance threadOf(String id) {
        return pages.of(thread).data("postRef", id).data("thread", feed.thread(id, null, FeedApi.MAX_PAGE))
                .data("countOob", true);
    }

    /** What the person typed, sent as is: feed-service renders the Markdown, sanitises it and keeps the source. */
    private static ObjectNode typed(String content) {
        return JsonNodeFactory.instance.objectNode().put("content", content == null ? "" : content);
    }

    private TemplateInstance cardOf(JsonNode post) {
        return pages.of(card).data("post", post).data("item", null);
    }
}
