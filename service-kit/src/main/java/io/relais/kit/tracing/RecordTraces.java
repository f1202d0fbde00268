package io.relais.kit.tracing;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C Trace Context (<a href="https://www.w3.org/TR/trace-context/">traceparent</a>) of Relais' Kafka records:
 * taken from the current span when a change is appended to the outbox (or published synchronously), kept with the
 * outbox record, written as the record's {@code traceparent} header, read back by every consumer. So one connector
 * POST, the feed card it becomes and its search index entry carry one trace id.
 *
 * <p>Log lines about a record name its trace in the MDC ({@code traceId}, {@code spanId}), the keys Quarkus'
 * OpenTelemetry support uses for requests, so a JSON log line of any service can be found by trace id.
 */
public final class RecordTraces {

    /** The header name, as the W3C and OpenTelemetry's Kafka instrumentation spell it. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private RecordTraces() {
    }

    /** The traceparent of the current span, or null outside any trace (a scheduled job, say). */
    public static String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a traceparent names (a remote parent), or the root context when it is null or malformed. */
    public static Context parent(String traceparent) {
        if (traceparent == null) return Context.root();
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
    }

    /** The traceparent header of a record, or null. */
    public static String traceparent(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(TRACEPARENT);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The header value of a record, or "" when absent. */
    public static String header(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    /**
     * Logs at DEBUG with the trace of {@code traceparent} in the MDC. Nothing is formatted when the category is not
     * at DEBUG (set {@code quarkus.log.category."io.relais.kit.tracing".level=DEBUG} to follow records).
     */
    public static void debug(Logger log, String traceparent, String format, Object... args) {
        if (!log.isDebugEnabled()) return;
        SpanContext span = io.opentelemetry.api.trace.Span.fromContext(parent(traceparent)).getSpanContext();
        if (!span.isValid()) {
            log.debugf(format, args);
            return;
        }
        Object previousTrace = MDC.get("traceId");
        Object previousSpan = MDC.get("spanId");
        MDC.put("traceId", span.getTraceId());
        MDC.put("spanId", span.getSpanId());
        try {
            log.debugf(format, args);
        } finally {
            restore("traceId", previousTrace);
            restore("spanId", previousSpan);
        }
    }

    /** The trace id of a traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) return null;
        List<String> parts = List.of(traceparent.split("-"));
        return parts.size() == 4 && parts.get(1).length() == 32 ? parts.get(1) : null;
    }

    private static void restore(String key, Object previous) {
        if (previous == null) MDC.remove(key);
        else MDC.put(key, previous);
    }
}
