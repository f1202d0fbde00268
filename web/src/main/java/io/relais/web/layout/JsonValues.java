package io.relais.web.layout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets templates read the services' JSON answers directly ({@code post.author.displayName}): a
 * missing or null field is simply empty, text is a string, numbers and booleans keep their type, and
 * arrays can be iterated.
 */
@jakarta.inject.Singleton
public class JsonValues implements ValueResolver {

    void register(@Observes EngineBuilder engine) {
        engine.addValueResolver(this);
    }

    @Override
    public boolean appliesTo(EvalContext context) {
        return context.getBase() instanceof JsonNode;
    }

    @Override
    public int getPriority() {
        return io.quarkus.qute.WithPriority.DEFAULT_PRIORITY + 10;
    }

    @Override
    public CompletionStage<Object> resolve(EvalContext context) {
        JsonNode node = (JsonNode) context.getBase();
        String name = context.getName();
        switch (name) {
            case "size":
                if (node.isArray() || node.isObject()) {
                    return CompletableFuture.completedFuture(node.size());
                }
                break;
            case "isEmpty":
                return CompletableFuture.completedFuture(node.isMissingNode() || node.isNull() || node.isEmpty());
            case "fields":
                List<Entry> entries = new ArrayList<>();
                node.fields().forEachRemaining(e -> entries.add(new Entry(e.getKey(), unwrap(e.getValue()))));
                return CompletableFuture.completedFuture(entries);
            case "get":
                if (context.getParams().size() == 1) {
                    return context.evaluate(context.getParams().get(0))
                            .thenApply(key -> key == null ? null : unwrap(node.get(key.toString())));
                }
                break;
            case "text":
                return CompletableFuture.completedFuture(node.isValueNode() ? node.asText() : null);
            default:
                break;
        }
        if (node.isArray() && name.matches("\\d+")) {
            return CompletableFuture.completedFuture(unwrap(node.get(Integer.parseInt(name))));
        }
        if (!node.isObject()) {
            return Results.notFound(context);
        }
        return CompletableFuture.completedFuture(unwrap(node.get(name)));
    }

    /** Value nodes become Java values so Qute's truthiness and formatting work on them. */
    public static Object unwrap(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return value;
    }

    public record Entry(String key, Object value) {
    }
}
