package io.relais.events;

import java.util.Set;

/** W3C Activity Streams 2.0 vocabulary used by Relais. */
public final class As2 {

    public static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
    public static final String MEDIA_TYPE = "application/activity+json";

    // activity types
    public static final String CREATE = "Create";
    public static final String UPDATE = "Update";
    public static final String DELETE = "Delete";
    public static final String LIKE = "Like";
    public static final String FOLLOW = "Follow";
    public static final String UNDO = "Undo";
    public static final String JOIN = "Join";
    public static final String LEAVE = "Leave";
    public static final String ANNOUNCE = "Announce";
    public static final String ADD = "Add";
    public static final String REMOVE = "Remove";
    public static final String INVITE = "Invite";
    public static final String ACCEPT = "Accept";
    public static final String REJECT = "Reject";
    public static final String OFFER = "Offer";
    public static final String BLOCK = "Block";
    /** A report of content as inappropriate (AS2 vocabulary: "flagging… as being inappropriate"); feed-service only. */
    public static final String FLAG = "Flag";
    /**
     * A person opened an item (AS2: "the actor has viewed the object"): a post's or an announcement's thread, or a
     * business card. Asserted only by feed-service, at most once per person, object and UTC day; addressed to nobody,
     * so no reader projection shows it; search-service's analytics count distinct openers from it (issue 15, reach).
     */
    public static final String VIEW = "View";

    public static final Set<String> ACTIVITY_TYPES = Set.of(CREATE, UPDATE, DELETE, LIKE, FOLLOW, UNDO, JOIN,
            LEAVE, ANNOUNCE, ADD, REMOVE, INVITE, ACCEPT, REJECT, OFFER, BLOCK, FLAG, VIEW);

    /** Activities whose object must be embedded (not just referenced by id). */
    public static final Set<String> EMBEDDING_TYPES = Set.of(CREATE, UPDATE);

    // object types
    public static final String NOTE = "Note";
    public static final String ARTICLE = "Article";
    public static final String DOCUMENT = "Document";
    public static final String EVENT = "Event";
    public static final String PERSON = "Person";
    public static final String GROUP = "Group";
    public static final String QUESTION = "Question";
    public static final String TOMBSTONE = "Tombstone";
    public static final String APPLICATION = "Application";
    public static final String IMAGE = "Image";
    public static final String LINK = "Link";
    public static final String MENTION = "Mention";
    public static final String HASHTAG = "Hashtag";
    public static final String ORGANIZATION = "Organization";
    public static final String PAGE = "Page";

    public static final Set<String> OBJECT_TYPES = Set.of(NOTE, ARTICLE, DOCUMENT, EVENT, PERSON, GROUP, QUESTION,
            TOMBSTONE, APPLICATION, IMAGE, LINK, ORGANIZATION, PAGE, OFFER, "Service", "Collection", "Video",
            "Audio", "Place", "Profile", "Relationship");

    private As2() {
    }
}
