package io.relais.search.index;

/** Names of the Lucene fields; one place so writers and readers agree. */
public final class Fields {

    /** What a Lucene document is: a searchable item, a membership or a reaction (the latter two are never hits). */
    public static final String KIND = "kind";
    public static final String KIND_ITEM = "item";
    public static final String KIND_MEMBERSHIP = "membership";
    public static final String KIND_REACTION = "reaction";
    /** One per Join or Leave activity, kept after a Leave: the membership history the analytics replays. */
    public static final String KIND_MEMBERSHIP_CHANGE = "membership_change";
    /**
     * One per post or card hidden by moderation (its {@link #CONTEXT} is the post or card): its comments are kept out of
     * searches, and a card's system cannot put the card back by updating it.
     */
    public static final String KIND_HIDDEN_THREAD = "hidden_thread";
    /**
     * One per deleted card (id {@code removed|<card IRI>}, nothing else): feed-service keeps a deleted card deleted
     * whatever its system sends later, so a later Create or Update of it is not indexed.
     */
    public static final String KIND_REMOVED_CARD = "removed_card";
    /**
     * One per person, opened item and UTC day (from feed-service's {@code View}): only what the analytics need to count
     * distinct openers; never a hit, and no API answers who opened what.
     */
    public static final String KIND_VIEW = "view";

    public static final String ID = "id";
    /** Doc-values copy of the id: the tie-breaker of every sort, so cursors never skip or repeat. */
    public static final String ID_SORT = "id_sort";
    /** Item type: post, comment, event, document, person, community. */
    public static final String TYPE = "type";
    public static final String AUDIENCE = "audience";
    public static final String AUTHOR = "author";
    public static final String COMMUNITY = "community";
    public static final String SOURCE = "source";
    public static final String SOURCE_TYPE = "source_type";
    public static final String PUBLISHED = "published";
    public static final String URL = "url";
    public static final String CONTEXT = "context";
    public static final String IN_REPLY_TO = "in_reply_to";
    public static final String HASHTAG = "hashtag";
    public static final String MENTION = "mention";

    /** Display text, stored once; indexed three ways (French, English, folded-only) for matching. */
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String TITLE_FR = "title_fr";
    public static final String TITLE_EN = "title_en";
    public static final String TITLE_PLAIN = "title_plain";
    public static final String CONTENT_FR = "content_fr";
    public static final String CONTENT_EN = "content_en";
    public static final String CONTENT_PLAIN = "content_plain";

    /**
     * An item whose text comes in several languages (a card's {@code nameMap}/{@code summaryMap}, a post's
     * {@code contentMap}): the languages it has (stored, one value each, e.g. {@code fr}, {@code en}), and its title and
     * body in each ({@link #titleIn}, {@link #bodyIn}), stored only, so a hit is shown in its reader's language. The
     * indexed fields above still hold every language, so a word of any of them finds the item.
     */
    public static final String LANGUAGES = "languages";
    private static final String TITLE_IN = "title.";
    private static final String BODY_IN = "body.";

    /** The stored title in one language ({@code title.fr}); see {@link #LANGUAGES}. */
    public static String titleIn(String language) {
        return TITLE_IN + language;
    }

    /** The stored body in one language ({@code body.fr}); see {@link #LANGUAGES}. */
    public static String bodyIn(String language) {
        return BODY_IN + language;
    }

    /** Whether a field is a body, in one language or all: multi-line text. */
    public static boolean isBody(String field) {
        return BODY.equals(field) || field.startsWith(BODY_IN);
    }

    /** Names typed in a search box (people, communities), matched by prefix. */
    public static final String SUGGEST = "suggest";

    // community
    public static final String VISIBILITY = "visibility";
    public static final String ARCHIVED = "archived";

    // person
    public static final String LOGIN = "login";
    public static final String JOB_TITLE = "job_title";
    public static final String DEPARTMENT = "department";
    public static final String LOCATION = "location";
    public static final String SKILL = "skill";
    public static final String SKILLS_TEXT = "skills_text";
    public static final String STATUS = "status";
    public static final String ICON = "icon";

    // membership
    public static final String MEMBER = "member";
    public static final String ROLE = "role";
    /** For a membership change: {@code join} or {@code leave}. */
    public static final String CHANGE = "change";
    public static final String CHANGE_JOIN = "join";
    public static final String CHANGE_LEAVE = "leave";

    /** A post that is an organisation-wide announcement: {@code true}. */
    public static final String ANNOUNCEMENT = "announcement";

    // view
    /** Who opened the item (erasure deletes by it). */
    public static final String READER = "reader";
    /** The opened item's IRI. */
    public static final String OPENED = "opened";

    // reaction
    public static final String REACTION = "reaction";
    /** For a reaction: the root post it belongs to; for a comment: its thread root (same as CONTEXT). */
    public static final String TARGET = "target";
    public static final String REACTED_TO = "reacted_to";

    /** Facet dimensions. */
    public static final String FACET_TYPE = "type";
    public static final String FACET_COMMUNITY = "community";
    public static final String FACET_AUTHOR = "author";
    public static final String FACET_SOURCE = "source";
    public static final String FACET_HASHTAG = "hashtag";

    private Fields() {
    }
}
