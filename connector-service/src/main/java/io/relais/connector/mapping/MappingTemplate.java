package io.relais.connector.mapping;

import java.util.List;
import java.util.Map;

/**
 * A declarative mapping of one business event type to an AS2 activity. Strings may hold
 * {@code {{data.field}}} placeholders (with fallbacks: {@code {{data.displayName|data.login}}}); the
 * other roots are {@code eventType}, {@code eventId}, {@code occurredAt}, {@code system} and {@code systemName}.
 *
 * @param activity          {@code Create} or {@code Update}
 * @param object            {@code Event} or {@code Document}
 * @param documentId        for a {@code Document}, the system's own id of the document ({@code {{data.documentId}}}):
 *                          the object is {@code urn:relais:document:<source>.<system>:<documentId>}
 *                          ({@code Iri.document}), the sending system's namespace, so its updates name the same card
 *                          and another system's document of the same id is another card; absent → a fresh
 *                          {@code urn:relais:event:<uuid>}. A template never names the IRI itself (no
 *                          {@code objectId}): it could name another system's card
 * @param owner             the login of the human owner ({@code attributedTo}), if the event names one
 * @param mentions          logins mentioned on the card (they are notified); missing ones are skipped
 * @param audienceCommunity a community slug the card goes to; absent or empty → the registration's default
 * @param name              card title per language ({@code fr}, {@code en})
 * @param summary           card summary per language
 */
public record MappingTemplate(String activity, String object, String documentId, String owner, List<String> mentions,
                              String audienceCommunity, String url, String mediaType, String size,
                              Map<String, String> name, Map<String, String> summary) {
}
