package io.relais.kit.error;

import io.relais.events.Violation;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Names the query or path parameter whose value could not be converted to the resource method's parameter
 * type (JAX-RS reports only that one failed): each {@code @QueryParam}/{@code @PathParam} of the matched method
 * is tried against the raw value, and the first that does not convert is the one named.
 */
final class ParameterProblems {

    private ParameterProblems() {
    }

    static Violation violation(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            for (Parameter p : method.getParameters()) {
                String name;
                List<String> raw;
                if (p.getAnnotation(QueryParam.class) != null) {
                    name = p.getAnnotation(QueryParam.class).value();
                    raw = uri.getQueryParameters().get(name);
                } else if (p.getAnnotation(PathParam.class) != null) {
                    name = p.getAnnotation(PathParam.class).value();
                    raw = uri.getPathParameters().get(name);
                } else if (p.getAnnotation(HeaderParam.class) != null) {
                    continue; // headers are not in the URI; a failing one falls through to the general rule
                } else {
                    continue;
                }
                if (raw == null) continue;
                for (String value : raw) {
                    String rule = rule(p.getType(), value);
                    if (rule != null) return new Violation(name, rule);
                }
            }
        }
        return new Violation("query", "a parameter has a value of the wrong type");
    }

    /** Why the value does not convert to the type, or null when it does (or the type is not one we know). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static String rule(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) Integer.parseInt(value);
            else if (type == long.class || type == Long.class) Long.parseLong(value);
            else if (type == short.class || type == Short.class) Short.parseShort(value);
            else if (type == double.class || type == Double.class) Double.parseDouble(value);
            else if (type == float.class || type == Float.class) Float.parseFloat(value);
            else if (type == UUID.class) UUID.fromString(value);
            else if (type == java.time.Instant.class) java.time.Instant.parse(value);
            else if (type == java.time.LocalDate.class) java.time.LocalDate.parse(value);
            else if (type.isEnum()) {
                boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum) c).name().equalsIgnoreCase(value));
                if (!known) {
                    return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum) c).name().toLowerCase())
                            .collect(Collectors.joining(", ", "[", "]"));
                }
            }
            return null;
        } catch (RuntimeException e) {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == short.class || type == Short.class) {
                return "must be a whole number";
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) return "must be a number";
            if (type == UUID.class) return "must be a UUID";
            if (type == java.time.Instant.class) return "must be an ISO-8601 date-time, e.g. 2026-11-30T09:00:00Z";
            if (type == java.time.LocalDate.class) return "must be a date YYYY-MM-DD";
            return "has a value of the wrong type";
        }
    }
}
