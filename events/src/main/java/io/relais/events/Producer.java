package io.relais.events;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who published a record, read from its CloudEvents {@code source} attribute ({@code ce_source} header):
 * one of Relais' own services ({@code /relais/feed-service}, {@code /relais/profile-service}) or a
 * business system behind connector-service ({@code /connectors/<source-type>/<system>}, see
 * {@link CloudEventAttributes#connectorSource}). Anything else is not a producer Relais knows.
 *
 * @param source     the {@code ce_source} value as read
 * @param kind       which kind of producer it is
 * @param sourceType for a connector, its registered source ({@code hr}, {@code crm}, {@code ecm},
 *                   {@code generic}…); null otherwise
 * @param system     for a connector, the system ({@code workday}, {@code salesforce}…); null otherwise
 */
public record Producer(String source, Kind kind, String sourceType, String system) {

    /** The kinds of producer the {@link SourceAuthority} table grants facts to. */
    public enum Kind {
        FEED_SERVICE, PROFILE_SERVICE, CONNECTOR
    }

    // the same alphabet as an IRI local id, so <type> and <system> can name an external namespace
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}._~+-]{1,100}");

    /**
     * Reads a {@code ce_source}; empty when it is missing, blank or not one of the shapes above
     * (e.g. {@code /connectors/crm} without a system, {@code /relais/search-service}, {@code /test}).
     */
    public static Optional<Producer> of(String ceSource) {
        if (ceSource == null || ceSource.isBlank()) return Optional.empty();
        if (CloudEventAttributes.FEED_SOURCE.equals(ceSource)) {
            return Optional.of(new Producer(ceSource, Kind.FEED_SERVICE, null, null));
        }
        if (CloudEventAttributes.PROFILE_SOURCE.equals(ceSource)) {
            return Optional.of(new Producer(ceSource, Kind.PROFILE_SERVICE, null, null));
        }
        if (ceSource.startsWith(CloudEventAttributes.CONNECTOR_SOURCE_PREFIX)) {
            String[] parts = ceSource.substring(CloudEventAttributes.CONNECTOR_SOURCE_PREFIX.length()).split("/", -1);
            if (parts.length == 2 && SEGMENT.matcher(parts[0]).matches() && SEGMENT.matcher(parts[1]).matches()) {
                return Optional.of(new Producer(ceSource, Kind.CONNECTOR, parts[0], parts[1]));
            }
        }
        return Optional.empty();
    }

    public boolean isConnector() {
        return kind == Kind.CONNECTOR;
    }

    /**
     * True when {@code iri} is an object this connector named itself, in its own namespace {@link #namespace}
     * {@code <sourceType>.<system>}: an external object {@code urn:relais:external:<sourceType>.<system>:…}
     * ({@link Iri#external}) or a document {@code urn:relais:document:<sourceType>.<system>:…} ({@link Iri#document}).
     * The system is part of the namespace because a source type may have several systems (two generic clients, two
     * document systems): each creates, updates and deletes only its own, even when their ids are the same. False for
     * every other IRI, a document IRI without a namespace included, and for a service.
     */
    public boolean owns(String iri) {
        if (!isConnector()) return false;
        return Iri.namespace(iri).filter(namespace()::equals).isPresent();
    }

    /** The namespace of this connector's objects, {@code <sourceType>.<system>}; null for a service. */
    public String namespace() {
        return isConnector() ? sourceType + "." + system : null;
    }

    /**
     * True when a generator IRI names this connector: {@code urn:relais:source:<sourceType>.<system>} (the form
     * connector-service writes), or the bare {@code urn:relais:source:<sourceType>}, which names no system. Another
     * system of the same source type is not this connector: its name is what a card shows as its sender.
     */
    public boolean isGenerator(String generatorIri) {
        if (!isConnector() || !Iri.isKind(generatorIri, Iri.SOURCE)) return false;
        String local = Iri.localId(generatorIri);
        return local.equals(sourceType) || local.equals(namespace());
    }
}
