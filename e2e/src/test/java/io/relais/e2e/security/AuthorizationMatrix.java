package io.relais.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code authorization-matrix.csv} read into rows: for one operation (service, method, OpenAPI path) aimed at
 * one community ({@code public}, {@code private}, {@code secret} or {@code -}), what each principal must get.
 *
 * <p>Expectations: a three-digit status exactly ({@code 401}, {@code 403}, {@code 404}…); {@code deny} = 403 or
 * 404 (refused, whether or not the thing's existence may be known); {@code ok} = allowed: anything but 401, 403
 * and 404 (a 400 or 409 about the state of things is fine: the caller got past the gate); {@code refused} = any
 * 4xx but 401 (the caller is known, but has nothing to do here, e.g. leaving a community they are not in).
 * Alternatives are joined by {@code /} ({@code ok/404}). Every answer of 500 or more fails, whatever the cell says.
 */
final class AuthorizationMatrix {

    static final String CSV = "/security/authorization-matrix.csv";
    static final String BODIES = "/security/authorization-bodies.json";

    /**
     * @param fixture  {@code shared} (one world for the whole suite), {@code fresh} (a new world, and a new one
     *                 after every cell that changed something: for requests that consume their target), or
     *                 {@code fresh-invited} (fresh, with the employee holding an invitation to the community)
     * @param params   bindings of path and query parameters: {@code name=@fixture} or {@code name=literal}
     * @param expected the expectation of each principal
     * @param line     the line in the CSV, for messages
     */
    record Row(String service, String method, String path, String community, String fixture, Map<String, String> params,
               Map<Principal, String> expected, int line) {

        String key() {
            return service + " " + method + " " + path;
        }

        @Override
        public String toString() {
            return key() + (community.equals("-") ? "" : " [" + community + "]") + " (line " + line + ")";
        }
    }

    private AuthorizationMatrix() {
    }

    static List<Row> rows() {
        List<String> lines = read(CSV).lines().toList();
        List<Row> rows = new ArrayList<>();
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] cells = Arrays.stream(l.split(",", -1)).map(String::strip).toArray(String[]::new);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalStateException(CSV + " line " + (i + 1) + " has " + cells.length + " cells, the header " + header.length);
            }
            Map<Principal, String> expected = new LinkedHashMap<>();
            for (int c = 6; c < header.length; c++) {
                String e = cells[c];
                if (!e.matches("(ok|deny|refused|\\d{3})(/(ok|deny|refused|\\d{3}))*")) {
                    throw new IllegalStateException(CSV + " line " + (i + 1) + ": '" + e + "' is not ok, deny, refused or a status");
                }
                expected.put(Principal.ofColumn(header[c]), e);
            }
            if (expected.size() != Principal.values().length) {
                throw new IllegalStateException(CSV + " has no column for some principal: " + expected.keySet());
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String b : cells[5].split(";")) {
                if (b.isBlank()) continue;
                String[] kv = b.split("=", 2);
                params.put(kv[0].strip(), kv[1].strip());
            }
            if (!Set.of("shared", "fresh", "fresh-invited").contains(cells[4])) {
                throw new IllegalStateException(CSV + " line " + (i + 1) + ": fixture must be shared, fresh or fresh-invited");
            }
            rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], params, expected, i + 1));
        }
        return rows;
    }

    /** Whether {@code status} meets {@code expectation} (5xx never does). */
    static boolean meets(String expectation, int status) {
        if (status >= 500) return false;
        for (String e : expectation.split("/")) {
            boolean met = switch (e) {
                case "ok" -> status != 401 && status != 403 && status != 404;
                case "deny" -> status == 403 || status == 404;
                case "refused" -> status >= 400 && status != 401;
                default -> status == Integer.parseInt(e);
            };
            if (met) return true;
        }
        return false;
    }

    /** The body fixture of an operation, if the bodies file has one: its media type and template. */
    record Body(String contentType, String template) {
    }

    /** The body of a row: the entry "{@code <operation> [<params>]}" of the bodies file, else "{@code <operation>}". */
    static Optional<Body> body(Row row) {
        String params = row.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(";"));
        return body(row.key() + " [" + params + "]").or(() -> body(row.key()));
    }

    private static Optional<Body> body(String operationKey) {
        JsonNode all;
        try {
            all = Activities.JSON.readTree(read(BODIES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode b = all.get(operationKey);
        if (b == null) return Optional.empty();
        if (b.has("contentType")) {
            JsonNode t = b.get("body");
            return Optional.of(new Body(b.get("contentType").asText(), t.isTextual() ? t.asText() : t.toString()));
        }
        return Optional.of(new Body("application/json", b.isTextual() ? b.asText() : b.toString()));
    }

    private static String read(String resource) {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
