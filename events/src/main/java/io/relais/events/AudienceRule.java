package io.relais.events;

import java.util.Collection;
import java.util.Set;

/**
 * The one visibility rule of Relais, used by every read path (feeds, threads, notifications, live
 * push, search): a viewer sees an item when they wrote it, or when its audience names them, a
 * community they belong to, or the organisation (for internal viewers). Nothing else grants sight:
 * no role, not even admin, opens a secret community's content.
 */
public final class AudienceRule {

    private AudienceRule() {
    }

    public static boolean canSee(Viewer viewer, String author, Collection<String> audience) {
        if (viewer == null) {
            return false;
        }
        if (author != null && author.equals(viewer.person())) {
            return true;
        }
        if (audience == null || audience.isEmpty()) {
            return false; // an item addressed to nobody is seen by its author only
        }
        Set<String> keys = viewer.audienceKeys();
        for (String address : audience) {
            if (address != null && keys.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rule for an activity: its audience, and its writer — the actor, when the object is theirs. A business
     * system's card is attributed to the person it names as owner but written by the system (the actor), so that
     * owner sees it only through its audience, like anyone else.
     */
    public static boolean canSee(Viewer viewer, Activity activity) {
        String attributed = activity.object() != null ? activity.object().attributedTo() : null;
        String writer = attributed == null || attributed.equals(activity.actor()) ? activity.actor() : null;
        return canSee(viewer, writer, activity.audience());
    }

    public static boolean canSee(Viewer viewer, AsObject object) {
        return canSee(viewer, object.attributedTo(), object.audience());
    }

    /** True when everyone in the organisation may see an item with this audience. */
    public static boolean isOrganisationWide(Collection<String> audience) {
        return audience != null && audience.stream().anyMatch(Audience::isOrganisationWide);
    }
}
