package io.relais.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and writes activities as AS2 JSON, and refuses what breaks the contract. */
public final class ActivityJson {

    /** Largest activity accepted from the wire; larger ones are refused before parsing. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private ActivityJson() {
    }

    /** The mapper settings of the contract, for services that bring their own ObjectMapper. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MAX_BYTES).build());
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses and validates; throws {@link InvalidActivityException} naming each bad field. */
    public static Activity read(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidActivityException(List.of(new Violation("$", "is empty: an AS2 activity is expected")));
        }
        if (json.length > MAX_BYTES) {
            throw new InvalidActivityException(List.of(new Violation("$", "is " + json.length
                    + " bytes; an activity may be at most " + MAX_BYTES + " bytes")));
        }
        Activity activity;
        try {
            activity = MAPPER.readValue(json, Activity.class);
        } catch (JsonMappingException e) {
            throw new InvalidActivityException(List.of(new Violation(path(e), "has the wrong shape")));
        } catch (JsonProcessingException e) {
            throw new InvalidActivityException(List.of(new Violation("$", "is not valid JSON: " + JsonSyntax.describe(e))));
        } catch (IOException e) {
            throw new InvalidActivityException(List.of(new Violation("$", "could not be read: " + e.getMessage())));
        }
        ActivityValidator.requireValid(activity);
        return activity;
    }

    public static Activity read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] write(Activity activity) {
        try {
            return MAPPER.writeValueAsBytes(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Activity always serialises", e);
        }
    }

    public static String writeString(Activity activity) {
        return new String(write(activity), StandardCharsets.UTF_8);
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return p.isEmpty() ? "$" : p;
    }
}
