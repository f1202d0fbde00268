package io.relais.feed.community;

import io.relais.events.Audience;
import io.relais.events.Viewer;
import io.relais.kit.error.ProblemException;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

/**
 * A community as stored ({@code _id} = community IRI). Pending join requests and invitations are small
 * bounded arrays here: they are read together with the community anyway.
 */
public record Community(String iri, String slug, String name, String description, Visibility visibility,
                        boolean archived, List<String> requests, List<String> invitations, List<String> pins,
                        Instant created, String createdBy) {

    static Community from(Document d) {
        return new Community(d.getString("_id"), d.getString("slug"), d.getString("name"),
                d.getString("description"), Visibility.of(d.getString("visibility")), d.getBoolean("archived", false),
                d.getList("requests", String.class, List.of()), d.getList("invitations", String.class, List.of()),
                d.getList("pins", String.class, List.of()), d.getDate("created").toInstant(), d.getString("createdBy"));
    }

    /** Whether the viewer may know the community exists (secret ones: members and invitees only). */
    public boolean visibleTo(Viewer viewer) {
        if (viewer.communities().contains(iri)) return true;
        if (visibility == Visibility.SECRET) return invitations.contains(viewer.person());
        return viewer.internal();
    }

    /** Whether the viewer may read its posts and members' content. */
    public boolean contentVisibleTo(Viewer viewer) {
        return viewer.communities().contains(iri) || (visibility == Visibility.PUBLIC && viewer.internal());
    }

    /**
     * An archived community is read-only ({@code CommunityService#archive}), for its managers as for its members, until
     * it is unarchived: no new post, comment, edit, reaction or member there (join, accepted invitation, invitation,
     * import), and its settings (name, description, visibility), pins, members' roles and join-request decisions
     * (approve, reject) are frozen; each answers 409 {@code community <slug> is archived}, written here only, asked
     * after the caller's visibility and role checks (a caller without the role still gets 403). What stays possible:
     * unarchiving, reading (pending requests and invitations included), taking content down (deletes, moderation),
     * and whatever ends someone's access (leaving or withdrawing a request, an owner or moderator removing a member,
     * withdrawing or declining an invitation), as do retention and legal holds (governance, deletes only). Connector
     * cards addressed to an archived community still arrive ({@code post.CardProjection} does not ask): they are the
     * business systems' facts, not members' writes.
     */
    public void requireWritable() {
        if (archived) throw ProblemException.conflict("community " + slug + " is archived");
    }

    /** AS2 audience of the community's posts: public ones are copied to the organisation. */
    public List<String> postTo() {
        return List.of(iri);
    }

    public List<String> postCc() {
        return visibility == Visibility.PUBLIC ? List.of(Audience.ORGANISATION) : List.of();
    }

    /** Audience of the Group object itself: secret communities are addressed to their members only. */
    public List<String> groupAudience() {
        return visibility == Visibility.SECRET ? List.of(iri) : List.of(Audience.ORGANISATION);
    }
}
