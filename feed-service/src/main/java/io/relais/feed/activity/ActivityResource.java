package io.relais.feed.activity;

import io.relais.events.Activity;
import io.relais.events.AsObject;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.events.Viewer;
import io.relais.feed.community.MembershipService;
import io.relais.feed.notification.NotificationPlanner;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;

/**
 * One activity of the log, as what happened: who did what to which object, addressed to whom, when. The log keeps
 * each activity as it was published, so its embedded object is the text of that moment (a post before its edit, a
 * comment since deleted, a card's business fields); the thread view applies rules the log knows nothing of
 * (moderation, deletion, edits, erasure, the reader's current memberships). So this answer never carries content:
 * <ul>
 *     <li>the activity must pass the audience rule ({@link AudienceRule#canSee(Viewer, Activity)}), and every post,
 *     card or comment it names (its object, the object's thread, its target) must be visible to the reader under the
 *     thread rule ({@link ThreadAccess#threadItemVisible}): hidden from them, deleted, or in a community they are
 *     no longer in → 404, as {@code GET /api/posts/{id}} answers;</li>
 *     <li>its object is answered by reference ({@code id}, {@code type}, and for comments and reactions
 *     {@code context}/{@code inReplyTo}): its current content is read from its own resource
 *     ({@code GET /api/posts/{id}}), which applies its rules; the activity's own {@code summary} and {@code relais}
 *     extension (a card's business fields, a moderator's reason) are left out for the same reason.</li>
 * </ul>
 * An erased person's activities are not kept at all ({@link ActivityLog#forget}).
 */
@Path("/api/activities")
@Tag(name = "activities", description = "Activities from the log of record: what happened, never the objects' content")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @Inject
    ActivityLog log;

    @Inject
    CurrentPerson me;

    @Inject
    MembershipService memberships;

    @Inject
    ThreadAccess threads;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "One activity as AS2 JSON, its object by reference",
            description = "Who did what to which object, addressed to whom, when. 404 (problem+json) unless the audience rule"
                    + " lets you see the activity and the thread rule lets you see every post, card or comment it names now"
                    + " (not hidden from you, not deleted, in a community you are in). The object is answered as"
                    + " {id, type, context, inReplyTo}: read its content from its own resource (GET /api/posts/{id})."
                    + " A moderator's decision names as its actor the community (or the organisation's moderation),"
                    + " never the moderator.")
    @APIResponse(responseCode = "200", description = "The activity")
    @APIResponse(responseCode = "404", description = "Unknown, or not yours to see (problem+json)")
    public Activity get(@PathParam("id") String id) {
        String iri = activityIri(id);
        // the reader's communities count: a member of a private or secret community sees its activities
        Viewer viewer = memberships.viewerOf(me);
        return log.find(iri)
                .filter(a -> AudienceRule.canSee(viewer, a) && threadAdmits(a, viewer))
                .map(ActivityResource::byReference)
                .orElseThrow(() -> ProblemException.notFound("activity " + id));
    }

    /**
     * An activity IRI from a path: its local id or its full IRI. An id no local id can be ({@code a b}, {@code <x>},
     * {@code a'b}, a no-break space) names no activity, so it is the 404 of an unknown one, as
     * {@link ThreadAccess#postIri} answers for a post, never the 500 of {@link Iri#of}'s refusal.
     */
    static String activityIri(String id) {
        if (id.startsWith(Iri.PREFIX)) return id; // looked up as it is: one the log does not hold is the 404 below
        try {
            return Iri.of(Iri.ACTIVITY, id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("activity " + id);
        }
    }

    /** Whether every thread item the activity names (its object, the object's thread, its target) is visible now. */
    private boolean threadAdmits(Activity a, Viewer viewer) {
        AsObject o = a.object();
        return Arrays.asList(o == null ? null : o.id(), o == null ? null : o.context(), a.target()).stream()
                .allMatch(named -> threads.threadItemVisible(named, viewer).orElse(true));
    }

    /**
     * The activity without content: its object reduced to a reference, no summary, no extension. A moderator's
     * decision (hide, restore, remove) speaks as the community it was taken in, or the organisation's moderation,
     * as its notice to the author does ({@link NotificationPlanner#moderationVoice}): never the moderator.
     */
    static Activity byReference(Activity a) {
        AsObject o = a.object();
        AsObject ref = o == null ? null : AsObject.builder().id(o.id()).type(o.type()).context(o.context())
                .inReplyTo(o.inReplyTo()).formerType(o.formerType()).build();
        AsObject generator = a.generator() == null ? null : AsObject.builder().id(a.generator().id()).type(a.generator().type()).build();
        boolean decision = RelaisExtension.of(a).moderation().filter(m -> m.action() != null).isPresent();
        String actor = decision ? NotificationPlanner.moderationVoice(communityOf(a)) : a.actor();
        return a.toBuilder().actor(actor).object(ref).summary(null).summaryMap(null).relais(null).generator(generator).build();
    }

    /** The community an activity is addressed to, if any (a community's post or comment names it in its audience). */
    private static String communityOf(Activity a) {
        return a.audience().stream().filter(address -> address != null && Iri.isKind(address, Iri.COMMUNITY))
                .findFirst().orElse(null);
    }
}
