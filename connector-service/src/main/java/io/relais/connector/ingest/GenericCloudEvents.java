package io.relais.connector.ingest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relais.connector.mapping.BusinessEventMapper;
import io.relais.connector.registration.Registration;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.ActivityValidator;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.events.Violation;
import jakarta.ws.rs.core.HttpHeaders;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
    private static final Set<String> NEEDS_AUDIENCE = Set.of(As2.CREATE, As2.ANNOUNCE, As2.OFFER);

    private GenericCloudEvents() {
    }

    /** A CloudEvent and its activity, or every rule broken. */
    record Read(String ceId, String ceType, String ceSource, Activity activity, List<Violation> violations) {
        boolean valid() {
            return violations.isEmpty();
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
    static Read structured(JsonNode event, Registration registration, String pathPrefix) {
        List<Violation> v = new ArrayList<>();
        if (!event.isObject()) {
            return new Read(null, null, null, null, List.of(new Violation(pathPrefix.isEmpty() ? "$" : pathPrefix, "must be a CloudEvent JSON object")));
        }
        String id = text(event, "id");
        String type = text(event, "type");
        String source = text(event, "source");
        attributes(v, text(event, "specversion"), id, type, source, text(event, "time"));
        String dct = text(event, "datacontenttype");
        if (dct != null && !ACTIVITY_MEDIA_TYPES.contains(mediaType(dct))) {
            v.add(new Violation("datacontenttype", "must be application/activity+json (an AS2 activity)"));
        }
        Activity activity = null;
        if (event.has("data_base64")) {
            v.add(new Violation("data_base64", "is not accepted: send the AS2 activity as JSON in data"));
        } else if (!event.path("data").isObject()) {
            v.add(new Violation("data", "is required: the AS2 activity as a JSON object"));
        } else {
            activity = activity(event.get("data"), registration, text(event, "time"), v);
        }
        return new Read(id, type, source, activity, EventReader.prefixed(v, pathPrefix));
    }

    /** Binary mode: {@code ce-*} headers and the activity as the body. */
    static Read binary(HttpHeaders headers, byte[] body, Registration registration) {
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
        try {
            activity = activity(EventReader.parse(body), registration, headers.getHeaderString("ce-time"), v);
        } catch (EventReader.InvalidJson e) {
            v.add(new Violation("data", e.getMessage()));
        }
        for (int i = 0; i < v.size(); i++) {
            Violation x = v.get(i);
            if (List.of("specversion", "id", "type", "source", "time").contains(x.field())) {
                v.set(i, new Violation("ce-" + x.field(), x.message()));
            }
        }
        return new Read(id, type, source, activity, v);
    }

    private static void attributes(List<Violation> v, String specversion, String id, String type, String source, String time) {
        if (!"1.0".equals(specversion)) v.add(new Violation("specversion", "must be 1.0"));
        if (id == null || !id.matches("[A-Za-z0-9._~@+-]{1,128}")) {
            v.add(new Violation("id", "is required: 1 to 128 letters, digits or . _ ~ @ + - (the idempotency key)"));
        }
        if (type == null || type.isBlank() || type.length() > 200) v.add(new Violation("type", "is required"));
        if (source == null || source.isBlank() || source.length() > 400) v.add(new Violation("source", "is required (a URI-reference)"));
        if (time != null) {
            try {
                OffsetDateTime.parse(time);
            } catch (RuntimeException e) {
                v.add(new Violation("time", "must be an RFC 3339 timestamp"));
            }
        }
    }

    /**
     * Reads the AS2 activity and completes what a business system may leave out: the generator (this
     * connector), {@code published}, and the registration's default audience when none is given.
     */
    private static Activity activity(JsonNode data, Registration registration, String time, List<Violation> v) {
        if (!data.isObject()) {
            v.add(new Violation("data", "must be an AS2 activity (a JSON object)"));
            return null;
        }
        Activity a;
        try {
            a = ActivityJson.mapper().treeToValue(data, Activity.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            v.add(new Violation(path.isEmpty() ? "data" : "data." + path, "has the wrong shape: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            v.add(new Violation("data", "could not be read: " + e.getMessage()));
            return null;
        }
        Activity.Builder b = a.toBuilder();
        if (a.generator() == null) {
            b.generator(AsObject.builder().id(BusinessEventMapper.generatorIri("generic", registration.system()))
                    .type(As2.APPLICATION).name(registration.systemName()).build());
        }
        if (a.published() == null) {
            b.published(time != null ? safeTime(time) : Instant.now());
        }
        if (a.type() != null && NEEDS_AUDIENCE.contains(a.type()) && a.audience().isEmpty()) {
            String address = registration.defaultAudience().address();
            b.to(List.of(address));
            if (a.object() != null && a.object().type() != null) {
                b.object(a.object().toBuilder().to(List.of(address)).build());
            }
        }
        Activity completed = b.build();
        for (Violation x : ActivityValidator.validate(completed)) {
            v.add(new Violation("data." + x.field(), x.message()));
        }
        return completed;
    }

    private static Instant safeTime(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
