package io.relais.feed.notification;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.Iri;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * A join request that ended takes back the notification it gave the community's owners and moderators (found by a
 * tester: they kept "X asks to join" with an action for a request that no longer existed, after a withdrawal, and after
 * another manager approved or declined it). feed-service's {@code CommunityService} publishes the end of a request
 * (withdrawn, approved, declined, closed because its requester left the company, answered by joining by invitation) as
 * an AS2 {@code Undo} whose {@code actor} is who ended it, whose {@code object} is the {@code Offer} (its activity IRI,
 * type {@code Offer}, its {@code published} time, {@code attributedTo} the requester; absent in Undos published before,
 * whose actor was the requester), whose {@code target} is the community and whose {@code to} are the people the Offer
 * was addressed to. The join-request notifications of that requester about that community are pulled from those
 * people's lists ({@link NotificationStore#retract}: unread counters follow, and the poll announces them taken back
 * live), as a deleted post takes back its mentions ({@link Retractions}).
 *
 * <p>Only an Undo naming an activity IRI counts (a connector may assert Undos only of objects in its own namespace,
 * never of a Relais activity). A replayed Undo finds nothing left; a replayed Offer of a withdrawn request notifies
 * nobody again ({@link NotificationPlanner}: only a person's open request notifies).
 */
@ApplicationScoped
public class WithdrawnJoinRequests {

    @Inject
    NotificationStore store;

    /** @return the notifications the poll's withdrawals took back */
    public List<Notification> apply(List<Activity> activities) {
        List<Notification> takenBack = new ArrayList<>();
        for (Activity a : activities) {
            if (!isWithdrawal(a)) continue;
            // the requester: the Offer's author; Undos published before attributedTo existed were the requester's own
            String requester = a.object().attributedTo() != null ? a.object().attributedTo() : a.actor();
            String community = a.target();
            List<String> managers = a.audience().stream().filter(p -> Iri.isValid(p) && Iri.isKind(p, Iri.PERSON)).toList();
            long since = a.object().published() != null ? a.object().published().toEpochMilli() : 0;
            takenBack.addAll(store.retract(managers, n -> NotificationPlanner.JOIN_REQUEST.equals(n.kind())
                    && requester.equals(n.actor()) && community.equals(n.community()), since));
        }
        return takenBack;
    }

    /** An Undo of a join request's Offer (attributed to a person, if at all), as {@code CommunityService} publishes it. */
    static boolean isWithdrawal(Activity a) {
        return As2.UNDO.equals(a.type()) && a.actor() != null && a.object() != null && As2.OFFER.equals(a.object().type())
                && a.object().id() != null && Iri.isValid(a.object().id()) && Iri.isKind(a.object().id(), Iri.ACTIVITY)
                && a.target() != null && Iri.isValid(a.target()) && Iri.isKind(a.target(), Iri.COMMUNITY)
                && (a.object().attributedTo() == null
                    || Iri.isValid(a.object().attributedTo()) && Iri.isKind(a.object().attributedTo(), Iri.PERSON));
    }
}
