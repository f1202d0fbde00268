package io.relais.events;

/**
 * The Kafka record key of an activity: the id whose events must stay in order. A thread's events
 * (post, comments, reactions, edits, deletion) share the root post; membership events share the
 * community; profile events share the person.
 */
public final class RecordKey {

    private RecordKey() {
    }

    public static String of(Activity activity) {
        String type = activity.type();
        AsObject object = activity.object();
        if (As2.JOIN.equals(type) || As2.LEAVE.equals(type) || As2.INVITE.equals(type)) {
            // Join/Leave: object is the community; Invite: target is the community
            if (activity.target() != null && Iri.isKind(activity.target(), Iri.COMMUNITY)) {
                return activity.target();
            }
            if (object != null && object.id() != null) {
                return object.id();
            }
        }
        if (As2.FOLLOW.equals(type)) {
            return activity.actor();
        }
        if (object != null) {
            if (As2.PERSON.equals(object.type()) && object.id() != null) {
                return object.id();
            }
            if (object.context() != null) {
                return object.context();
            }
            if (object.id() != null) {
                return object.id();
            }
        }
        return activity.actor();
    }
}
