package io.relais.events;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@link TextHygiene#line} applied to a request's address: every path segment and query value is decoded, cleaned
 * (NFC, no control, bidi or zero-width characters) and re-encoded, so {@code /api/feed/hashtags/cafe%CC%81} (an
 * {@code e} plus a combining accent, as phone keyboards send it) reads {@code café}, and a crafted link's NUL or
 * right-to-left override never reaches a resource, a problem's {@code detail} or a page that echoes it
 * (SECURITY.md §4). Written once for the services' filter (service-kit {@code PathHygiene}) and the web app's.
 */
public final class UriHygiene {

    private UriHygiene() {
    }

    /**
     * The request address with its path and query cleaned; the same instance when both already were (the common case:
     * no rewrite, no allocation beyond the checks).
     */
    public static URI clean(URI uri) {
        String rawPath = uri.getRawPath();
        String rawQuery = uri.getRawQuery();
        String path = rawPath == null ? null : cleanPath(rawPath);
        String query = rawQuery == null ? null : cleanQuery(rawQuery);
        if (same(path, rawPath) && same(query, rawQuery)) return uri;
        StringBuilder b = new StringBuilder();
        if (uri.getRawAuthority() != null) b.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        b.append(path == null ? "" : path);
        if (query != null) b.append('?').append(query);
        return URI.create(b.toString());
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /**
     * A raw (percent-encoded) path with each segment decoded, cleaned by {@link TextHygiene#line} and re-encoded; the
     * same string when every segment is already clean.
     */
    public static String cleanPath(String rawPath) {
        if (rawPath.indexOf('%') < 0 && isAscii(rawPath)) return rawPath; // nothing encoded: nothing to clean
        String[] segments = rawPath.split("/", -1);
        boolean changed = false;
        for (int i = 0; i < segments.length; i++) {
            String decoded = percentDecode(segments[i]);
            String clean = TextHygiene.line(decoded);
            if (!clean.equals(decoded)) {
                segments[i] = encodeSegment(clean);
                changed = true;
            }
        }
        return changed ? String.join("/", segments) : rawPath;
    }

    /**
     * A raw query ({@code a=1&b=2}) with each value decoded, cleaned by {@link TextHygiene#line} and re-encoded; a value
     * that cannot be decoded is left for the resource to refuse; the same string when every value is already clean.
     */
    public static String cleanQuery(String rawQuery) {
        String[] pairs = rawQuery.split("&", -1);
        boolean changed = false;
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            if (eq < 0) continue;
            String value;
            try {
                value = URLDecoder.decode(pairs[i].substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                continue; // the resource answers 400 for what it cannot read
            }
            String clean = TextHygiene.line(value);
            if (!clean.equals(value)) {
                pairs[i] = pairs[i].substring(0, eq + 1) + URLEncoder.encode(clean, StandardCharsets.UTF_8);
                changed = true;
            }
        }
        return changed ? String.join("&", pairs) : rawQuery;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 0x7E || s.charAt(i) < 0x20) return false;
        return true;
    }

    /** RFC 3986 percent-decoding of a path segment ({@code +} stays a plus sign there). */
    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** Percent-encodes everything but RFC 3986 {@code pchar} characters. */
    private static String encodeSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
