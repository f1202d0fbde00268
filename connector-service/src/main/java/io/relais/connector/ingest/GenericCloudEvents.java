package io.relais.connector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.connector.generic.GenericActivities;
import io.relais.connector.generic.LaneRefusal;
import io.relais.connector.registration.Registration;
import io.relais.connector.source.EventTime;
import io.relais.connector.source.SourceType;
import io.relais.events.Activity;
import io.relais.events.TextHygiene;
import io.relais.events.Violation;
import io.relais.kit.text.HtmlPolicy;
import jakarta.ws.rs.core.HttpHeaders;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code generic} source: native CloudEvents 1.0 over HTTP carrying an AS2 activity, in structured mode
 * ({@code Content-Type: application/cloudevents+json}, the whole event as JSON with the activity in
 * {@code data}) or binary mode ({@code ce-*} headers, the activity as the body).
 */
final class GenericCloudEvents {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final Set<String> ACTIVITY_MEDIA_TYPES = Set.of("application/activity+json", "application/ld+json",
            "application/json");

    private GenericCloudEvents() {
    }

    /**
     * A CloudEvent and its card activity, or every violation, or the lane rule it breaks.
     *
     * @param digest the {@link ContentDigest} of the event's {@code type}, {@code source}, {@code time} and activity as
     *               sent (not its {@code id}, the key, nor its mode, media type or spec version, which only carry it)
     */
    record Read(String ceId, String ceType, String ceSource, Activity activity, List<Violation> violations,
                LaneRefusal refusal, String digest) {
        boolean valid() {
            return violations.isEmpty() && refusal == null;
        }
    }

    static boolean isStructured(String contentType) {
        return contentType != null && mediaType(contentType).equals(STRUCTURED);
    }

    static boolean isBatch(String contentType) {
        return contentType != null && mediaType(contentType).equals(BATCH);
    }

    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Structured mode: one JSON CloudEvent. */
    static Read structured(JsonNode event, Registration registration, GenericActivities.Directory directory,
                           String pathPrefix) {
        List<Violation> v = new ArrayList<>();
        if (!event.isObject()) {
            return new Read(null, null, null, null, List.of(new Violation(pathPrefix.isEmpty() ? "$" : pathPrefix,
                    "must be a CloudEvent JSON object")), null, null);
        }
        String id = text(event, "id");
        String type = text(event, "type");
        String source = text(event, "source");
        attributes(v, event, id, type, source);
        String dct = text(event, "datacontenttype");
        if (dct != null && !ACTIVITY_MEDIA_TYPES.contains(mediaType(dct))) {
            v.add(new Violation("datacontenttype", "must be application/activity+json (an AS2 activity)"));
        }
        Activity activity = null;
        LaneRefusal[] refusal = {null};
        if (event.has("data_base64")) {
            v.add(new Violation("data_base64", "is not accepted: send the AS2 activity as JSON in data"));
        } else if (!event.path("data").isObject()) {
            v.add(new Violation("data", "is required: the AS2 activity as a JSON object"));
        } else {
            activity = activity(event.get("data"), registration, directory, id, type, source, text(event, "time"), v, refusal);
        }
        return new Read(id, type, source, activity, EventReader.prefixed(v, pathPrefix), prefixed(refusal[0], pathPrefix),
                digest(type, source, text(event, "time"), event.get("data")));
    }

    /** Binary mode: {@code ce-*} headers and the activity as the body. */
    static Read binary(HttpHeaders headers, byte[] body, Registration registration, GenericActivities.Directory directory) {
        List<Violation> v = new ArrayList<>();
        String id = headers.getHeaderString("ce-id");
        String type = headers.getHeaderString("ce-type");
        String source = headers.getHeaderString("ce-source");
        attributes(v, headers.getHeaderString("ce-specversion"), id, type, source, headers.getHeaderString("ce-time"));
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !ACTIVITY_MEDIA_TYPES.contains(mediaType(contentType))) {
            v.add(new Violation("Content-Type", "must be application/activity+json in binary mode, or send "
                    + STRUCTURED + " in structured mode"));
        }
        Activity activity = null;
        LaneRefusal[] refusal = {null};
        JsonNode data = null;
        try {
            data = EventReader.parse(body);
            activity = activity(data, registration, directory, id, type, source,
                    headers.getHeaderString("ce-time"), v, refusal);
        } catch (EventReader.InvalidJson e) {
            v.add(new Violation("data", e.getMessage()));
        }
        for (int i = 0; i < v.size(); i++) {
            Violation x = v.get(i);
            if (List.of("specversion", "id", "type", "source", "time").contains(x.field())) {
                v.set(i, new Violation("ce-" + x.field(), x.message()));
            }
        }
        return new Read(id, type, source, activity, v, refusal[0],
                digest(type, source, headers.getHeaderString("ce-time"), data));
    }

    /** The same content in either mode: a structured resend of a binary event is the same event. */
    private static String digest(String type, String source, String time, JsonNode data) {
        java.util.Map<String, Object> parts = new java.util.HashMap<>();
        parts.put("type", type);
        parts.put("source", source);
        parts.put("time", time);
        parts.put("data", data);
        return ContentDigest.of(parts);
    }

    private static LaneRefusal prefixed(LaneRefusal r, String prefix) {
        return r == null || prefix.isEmpty() ? r : new LaneRefusal(r.lane(), prefix + "." + r.field(), r.detail());
    }

    /** Structured mode: the attributes are JSON members, each a string (a number or a boolean is refused). */
    private static void attributes(List<Violation> v, JsonNode event, String id, String type, String source) {
        for (String attribute : List.of("specversion", "id", "type", "source", "time", "datacontenttype", "subject")) {
            JsonNode n = event.get(attribute);
            if (n != null && !n.isNull() && !n.isTextual()) {
                v.add(new Violation(attribute, "must be a string"));
            }
        }
        if (v.isEmpty()) {
            attributes(v, text(event, "specversion"), id, type, source, text(event, "time"));
        } else {
            List<Violation> more = new ArrayList<>();
            attributes(more, text(event, "specversion"), id, type, source, text(event, "time"));
            more.stream().filter(x -> v.stream().noneMatch(y -> y.field().equals(x.field()))).forEach(v::add);
        }
    }

    private static void attributes(List<Violation> v, String specversion, String id, String type, String source, String time) {
        if (!"1.0".equals(specversion)) v.add(new Violation("specversion", "must be 1.0"));
        if (id == null || !id.matches("[A-Za-z0-9._~@+-]{1,128}")) {
            v.add(new Violation("id", "is required: 1 to 128 letters, digits or . _ ~ @ + - (the idempotency key)"));
        }
        if (type == null || type.isBlank() || type.length() > 200) v.add(new Violation("type", "is required"));
        else if (!TextHygiene.isCleanLine(type) || HtmlPolicy.hasMarkup(type)) {
            v.add(new Violation("type", "must be plain text without markup or control characters, e.g. com.example.news.published"));
        }
        if (source == null || source.isBlank() || source.length() > 400) v.add(new Violation("source", "is required (a URI-reference)"));
        else if (!TextHygiene.isCleanLine(source) || HtmlPolicy.hasMarkup(source)) {
            v.add(new Violation("source", "must be a URI-reference without markup or control characters"));
        }
        if (time != null) {
            try {
                Instant at = OffsetDateTime.parse(time).toInstant();
                if (EventTime.tooOld(at)) v.add(new Violation("time", EventTime.tooOldMessage(at)));
            } catch (RuntimeException e) {
                v.add(new Violation("time", SchemaMessages.DATE_TIME));
            }
        }
    }

    /**
     * Reads the AS2 activity into the card the connector may publish ({@link GenericActivities}): its
     * shapes normalised, its ids namespaced, its text cleaned, its lane checked.
     */
    private static Activity activity(JsonNode data, Registration registration, GenericActivities.Directory directory,
                                     String id, String type, String source, String time, List<Violation> v,
                                     LaneRefusal[] refusal) {
        if (!v.isEmpty()) {
            // the envelope is broken: the activity is still read, so every violation is listed at once
            id = id != null && id.matches("[A-Za-z0-9._~@+-]{1,128}") ? id : "unknown";
        }
        Instant at = time == null ? null : safeTime(time);
        GenericActivities.Normalised n = GenericActivities.normalise(data, registration, directory,
                new GenericActivities.Envelope(SourceType.GENERIC.id(), id, type, source, at));
        refusal[0] = n.refusal();
        v.addAll(n.violations());
        return n.activity();
    }

    private static Instant safeTime(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
