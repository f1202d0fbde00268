package io.relais.connector.generic;

/**
 * What a connector may not assert, one rule per kind of fact, each named in the 403 problem+json
 * ({@code "rule"}) that refuses it. The lane of a connector: it creates, updates and deletes its own objects
 * ({@code urn:relais:external:<source>.<system>:…}), as its registered system or as a person its registration matches;
 * memberships, relationships and reactions belong to feed-service, people and HR facts to profile-service and
 * the {@code hr} source, community settings to feed-service (see the events module's source-authority table,
 * which every consumer checks again).
 */
public enum ConnectorLane {

    /** Join, Leave, Invite, Accept, Reject; Add or Remove to or from a community. */
    MEMBERSHIPS("a connector may not assert memberships"),
    /** Follow, Block, Ignore, Flag. */
    RELATIONSHIPS("a connector may not assert relationships between people"),
    /** Like, Dislike, Undo, Announce, View, Read… */
    REACTIONS("a connector may not react or share on behalf of people"),
    /** A Relais person (or any other Relais IRI) as actor or author, without a registration that matches people. */
    ON_BEHALF_OF_PEOPLE("a connector may not act on behalf of people"),
    /** An object IRI of Relais' own kinds (posts, comments…) or of another source's namespace. */
    OWN_OBJECTS_ONLY("a connector may only create, update and delete its own objects"),
    /** Person, Profile objects; {@code relais.business} claiming the {@code hr} source. */
    HR_FACTS("HR facts come only from the hr source"),
    /** Group, Organization, Application, Service, Relationship objects. */
    COMMUNITIES_AND_SYSTEMS("a connector may not assert communities, organisations or systems"),
    /** The {@code relais} extension object: Relais writes it, from the registration. */
    RELAIS_EXTENSION("the relais extension is written by Relais, not by a connector"),
    /** Any other activity type (Move, Travel, Arrive, Offer as an activity…). */
    UNSUPPORTED_ACTIVITY("a connector may assert only Create, Add, Update and Delete of its own objects");

    private final String rule;

    ConnectorLane(String rule) {
        this.rule = rule;
    }

    /** The rule as a person reads it in the problem+json. */
    public String rule() {
        return rule;
    }
}
