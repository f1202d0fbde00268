package io.relais.web.layout;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A query parameter whose value does not convert to the type the page's method declares ({@code count=abc} for an
 * {@code int}). JAX-RS answers such a request with a bare 404 (its rule for query and path parameters), as if the page
 * did not exist, and says neither which parameter nor why: this finds the parameter, as the services' problem mappers
 * do, by trying each {@code @QueryParam}/{@code @RestQuery} of the matched method against the request's values, and
 * tells the rule it breaks. One mechanism for every page: a new numeric or enum parameter is covered without code of
 * its own.
 *
 * @param name   the parameter as it is spelled in the address
 * @param rule   the rule its value breaks
 * @param values for {@link Rule#ONE_OF}, the accepted values, comma-separated; for {@link Rule#BETWEEN}, the bounds
 *               ({@code min..max}); empty otherwise
 */
public record MalformedParameter(String name, Rule rule, String values) {

    /** The rules a query parameter's value can break. */
    public enum Rule {
        /** Not a whole number at all ({@code abc}, {@code 1.5}). */
        WHOLE_NUMBER,
        /** A whole number too large or too small for the parameter. */
        BETWEEN,
        /** Not a number ({@code abc} for a decimal). */
        NUMBER,
        /** Not one of the values the parameter accepts (an enum). */
        ONE_OF,
        /** Anything else that did not convert. */
        VALID
    }

    /**
     * The parameter the refusal {@code e} is about, when it is JAX-RS refusing a value it could not convert (a 404 or
     * 400 caused by something other than a refusal of its own), naming the first query parameter of the matched method
     * whose value does not convert (unnamed when none is found); empty for any other refusal (an unknown address is a
     * 404 without a cause).
     */
    public static Optional<MalformedParameter> of(WebApplicationException e, ResourceInfo resource, UriInfo uri) {
        int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
        if ((status != 404 && status != 400) || e.getCause() == null || e.getCause() instanceof WebApplicationException) {
            return Optional.empty();
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || uri == null) {
            return Optional.of(new MalformedParameter("", Rule.VALID, ""));
        }
        for (Parameter p : method.getParameters()) {
            String name = queryName(p);
            List<String> raw = name == null ? null : uri.getQueryParameters().get(name);
            if (raw == null) {
                continue;
            }
            for (String value : raw) {
                Optional<MalformedParameter> broken = check(name, p.getType(), value);
                if (broken.isPresent()) {
                    return broken;
                }
            }
        }
        // a path parameter, or a value this does not know how to check: still the request's fault, unnamed
        return Optional.of(new MalformedParameter("", Rule.VALID, ""));
    }

    /** Whether the parameter is known by name (else only that one of the address's parameters did not convert). */
    public boolean named() {
        return !name.isEmpty();
    }

    /** The rule as the services say it in a problem's {@code errors} (English, after the parameter's name). */
    public String message() {
        return switch (rule) {
            case WHOLE_NUMBER -> "must be a whole number";
            case BETWEEN -> "must be a whole number from " + values.replace("..", " to ");
            case NUMBER -> "must be a number";
            case ONE_OF -> "must be one of " + values;
            case VALID -> "is not valid";
        };
    }

    /** The rule in the reader's language, as the error page says it after the parameter's name. */
    public String message(Msg msg) {
        return switch (rule) {
            case WHOLE_NUMBER -> msg.ruleWholeNumber();
            case BETWEEN -> msg.ruleBetween(values.substring(0, values.indexOf("..")), values.substring(values.indexOf("..") + 2));
            case NUMBER -> msg.ruleNumber();
            case ONE_OF -> msg.ruleOneOf(values);
            case VALID -> msg.ruleValid();
        };
    }

    private static String queryName(Parameter p) {
        QueryParam query = p.getAnnotation(QueryParam.class);
        if (query != null) {
            return query.value();
        }
        RestQuery rest = p.getAnnotation(RestQuery.class);
        if (rest != null) {
            return rest.value().isEmpty() ? p.getName() : rest.value();
        }
        return null;
    }

    /** The rule {@code value} breaks for a parameter of {@code type}; empty when it converts (or the type is not known). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Optional<MalformedParameter> check(String name, Class<?> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        Class<?> t = boxed(type);
        if (t == Integer.class || t == Long.class || t == Short.class || t == Byte.class) {
            long[] range = t == Integer.class ? new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE}
                    : t == Short.class ? new long[]{Short.MIN_VALUE, Short.MAX_VALUE}
                    : t == Byte.class ? new long[]{Byte.MIN_VALUE, Byte.MAX_VALUE}
                    : new long[]{Long.MIN_VALUE, Long.MAX_VALUE};
            MalformedParameter outOfRange = new MalformedParameter(name, Rule.BETWEEN, range[0] + ".." + range[1]);
            try {
                long n = Long.parseLong(value);
                return n >= range[0] && n <= range[1] ? Optional.empty() : Optional.of(outOfRange);
            } catch (NumberFormatException e) {
                return Optional.of(value.matches("[+-]?\\d+") ? outOfRange : new MalformedParameter(name, Rule.WHOLE_NUMBER, ""));
            }
        }
        if (t == Double.class || t == Float.class) {
            try {
                Double.parseDouble(value);
                return Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of(new MalformedParameter(name, Rule.NUMBER, ""));
            }
        }
        if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            boolean known = Arrays.stream(constants).anyMatch(c -> ((Enum) c).name().equals(value));
            return known ? Optional.empty() : Optional.of(new MalformedParameter(name, Rule.ONE_OF,
                    Arrays.stream(constants).map(c -> ((Enum) c).name()).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) return type;
        if (type == int.class) return Integer.class;
        if (type == long.class) return Long.class;
        if (type == short.class) return Short.class;
        if (type == byte.class) return Byte.class;
        if (type == double.class) return Double.class;
        if (type == float.class) return Float.class;
        return type;
    }
}
