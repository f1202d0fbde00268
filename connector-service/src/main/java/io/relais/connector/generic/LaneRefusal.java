package io.relais.connector.generic;

/**
 * A generic activity outside the connector's lane: answered 403 problem+json naming the {@link ConnectorLane}
 * rule, the field that asserts it and what was asserted; nothing is stored or published.
 *
 * @param field  the path of the offending field in the request ({@code data.type}, {@code data.object.id}…)
 * @param detail what exactly was refused, e.g. {@code "Join of urn:relais:community:board"}
 */
public record LaneRefusal(ConnectorLane lane, String field, String detail) {

    /** {@code "<rule>: <detail>"}, the problem's {@code detail}. */
    public String message() {
        return lane.rule() + ": " + detail;
    }
}
