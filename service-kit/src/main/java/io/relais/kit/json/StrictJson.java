package io.relais.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One rule for the JSON every service reads in a request body (applied to Quarkus' ObjectMapper, so every
 * REST endpoint of every service that uses service-kit gets it):
 * <ul>
 *   <li>no coercion between JSON types: {@code 123} or {@code true} is not a string, {@code "5"} is not a number,
 *       {@code 1.5} is not a whole number, {@code "true"} is not a boolean;</li>
 *   <li>a field given twice in one object is refused (the second would silently win otherwise);</li>
 *   <li>limits on what a parser accepts before any object is built ({@link StreamReadConstraints}): nesting
 *       depth ({@code relais.json.max-nesting-depth}, default 32), length of one string
 *       ({@code relais.json.max-string-length}, default 1,000,000 characters) and of one number (100 digits).</li>
 * </ul>
 * A field the target type does not know is refused in a request body ({@link StrictRequestBodies}: a typo must not
 * change meaning) but ignored by this mapper itself, which also reads other services' answers and events: a newer
 * producer may add fields. Errors become problem+json naming the field in {@code io.relais.kit.error.ProblemMappers}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    public static final int DEFAULT_MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NUMBER_LENGTH = 100;

    @ConfigProperty(name = "relais.json.max-nesting-depth", defaultValue = "" + DEFAULT_MAX_NESTING_DEPTH)
    int maxNestingDepth;

    @ConfigProperty(name = "relais.json.max-string-length", defaultValue = "" + DEFAULT_MAX_STRING_LENGTH)
    int maxStringLength;

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper, maxNestingDepth, maxStringLength);
    }

    /** The same settings on any mapper (tests, tools); returns it. */
    public static ObjectMapper configure(ObjectMapper mapper, int maxNestingDepth, int maxStringLength) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth).maxStringLength(maxStringLength).maxNumberLength(MAX_NUMBER_LENGTH).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // as Quarkus' default: answers and events may come from a newer producer; request bodies: StrictRequestBodies
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // a number or a boolean where text is expected
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // text (or a number) where a number or a boolean is expected
        for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
