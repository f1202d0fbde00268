package io.relais.feed.timeline;

/** Why a post is in someone's feed; shown to the reader and used by the relevance score. */
public final class Reasons {
    public static final String OWN = "own";
    public static final String FOLLOWS_AUTHOR = "follows-author";
    public static final String MEMBER = "member";
    public static final String FOLLOWS_COMMUNITY = "follows-community";
    public static final String FOLLOWS_HASHTAG = "follows-hashtag";
    public static final String MENTIONED = "mentioned";
    public static final String ADDRESSED = "addressed";
    public static final String ORGANISATION = "organisation";

    private Reasons() {
    }
}
