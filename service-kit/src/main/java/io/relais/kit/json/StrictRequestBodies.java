package io.relais.kit.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper every REST endpoint reads its request body with: Quarkus' (so {@link StrictJson}'s rules) plus one more,
 * a field the request type does not declare is refused. A typo must not change meaning: {@code "audiance"} silently
 * dropped would publish a post to the whole organisation. {@code ProblemMappers} answers 400 naming the field and the
 * fields that type knows.
 * <p>
 * Only the server reads with it ({@link ConstrainedTo} {@code SERVER}): what a service reads from another service
 * (REST client answers) or from Kafka goes through Quarkus' own mapper, which ignores fields it does not know, so a
 * newer producer never breaks an older consumer. Responses are written with this mapper too; the rule changes nothing
 * there.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictRequestBodies(ObjectMapper lenient) {
        this.strict = strict(lenient);
    }

    /** A copy of {@code lenient} (all its settings) that refuses unknown fields. */
    public static ObjectMapper strict(ObjectMapper lenient) {
        return lenient.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
