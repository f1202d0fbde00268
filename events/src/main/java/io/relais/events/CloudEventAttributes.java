package io.relais.events;

import java.util.Locale;

/**
 * How an activity is wrapped in a CloudEvents 1.0 envelope (Kafka binary mode: {@code ce_*} headers,
 * the AS2 JSON as the record value).
 */
public final class CloudEventAttributes {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "relais.activity.";
    public static final String DATA_CONTENT_TYPE = As2.MEDIA_TYPE;

    /** Sources of Relais' own services; connectors use {@code /connectors/<source-type>/<system>}. */
    public static final String FEED_SOURCE = "/relais/feed-service";
    public static final String PROFILE_SOURCE = "/relais/profile-service";
    public static final String CONNECTOR_SOURCE_PREFIX = "/connectors/";

    private CloudEventAttributes() {
    }

    /** {@code relais.activity.create}, {@code relais.activity.like}… */
    public static String type(Activity activity) {
        return TYPE_PREFIX + activity.type().toLowerCase(Locale.ROOT);
    }

    /** The CloudEvents {@code id}: the time-ordered local part of the activity IRI. */
    public static String id(Activity activity) {
        return Iri.localId(activity.id());
    }

    public static String subject(Activity activity) {
        return activity.object() != null && activity.object().id() != null ? activity.object().id() : activity.id();
    }

    public static String connectorSource(String sourceType, String system) {
        return CONNECTOR_SOURCE_PREFIX + sourceType + "/" + system;
    }
}
