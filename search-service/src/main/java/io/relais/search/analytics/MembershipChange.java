package io.relais.search.analytics;

import java.time.Instant;

/**
 * One Join or Leave read from the index's membership history.
 *
 * @param id        the activity id (orders changes published at the same instant)
 * @param person    who joined or left
 * @param community which community
 * @param at        when
 * @param join      true for a Join (also sent again when a member's role changes), false for a Leave
 */
public record MembershipChange(String id, String person, String community, Instant at, boolean join) {
}
