package io.relais.feed.linkpreview;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Which addresses the link-preview fetcher may connect to: only public unicast internet addresses, so a post's
 * link can never make feed-service reach into the company network or the cloud's metadata service (server-side
 * request forgery, OWASP SSRF prevention cheat sheet). Refused: unspecified ({@code 0.0.0.0/8}, {@code ::}),
 * loopback ({@code 127.0.0.0/8}, {@code ::1}), private (RFC 1918), carrier-grade NAT ({@code 100.64.0.0/10}),
 * link-local ({@code 169.254.0.0/16} — the metadata address {@code 169.254.169.254} among them — and
 * {@code fe80::/10}), IETF protocol assignments ({@code 192.0.0.0/24}), documentation and benchmarking ranges,
 * multicast, reserved ({@code 240.0.0.0/4}, broadcast), unique-local ({@code fc00::/7}), deprecated site-local
 * ({@code fec0::/10}), and IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}), which are judged by the address they embed or refused.
 *
 * <p>The one exception is an explicit list of {@code address:port} endpoints ({@code feed.link-preview.allowed-endpoints}),
 * empty unless a test profile or the local e2e stack sets it, so their own local page server can be fetched.
 */
public final class AddressPolicy {

    private final Set<String> allowedEndpoints;

    /** @param allowedEndpoints {@code address:port} pairs allowed although not public (tests only); usually empty */
    public AddressPolicy(Set<String> allowedEndpoints) {
        this.allowedEndpoints = Set.copyOf(allowedEndpoints);
    }

    /** Whether the fetcher may connect to this resolved address on this port. */
    public boolean allows(InetAddress address, int port) {
        return isPublic(address) || allowedEndpoints.contains(endpoint(address, port));
    }

    /** {@code 127.0.0.1:8099} or {@code [::1]:8099}: how the allowed endpoints are written. */
    static String endpoint(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    /** Whether the address is a public unicast internet address (see the class comment for every refused range). */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address v4) return isPublicV4(v4.getAddress());
        if (address instanceof Inet6Address v6) return isPublicV6(v6.getAddress());
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff, a2 = b[2] & 0xff;
        if (a0 == 0 || a0 == 10 || a0 == 127) return false;                  // this network, private, loopback
        if (a0 == 100 && (a1 & 0xc0) == 64) return false;                     // 100.64.0.0/10 carrier-grade NAT
        if (a0 == 169 && a1 == 254) return false;                             // link-local, cloud metadata
        if (a0 == 172 && (a1 & 0xf0) == 16) return false;                     // 172.16.0.0/12
        if (a0 == 192 && a1 == 168) return false;                             // 192.168.0.0/16
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) return false;       // IETF assignments, TEST-NET-1
        if (a0 == 198 && (a1 & 0xfe) == 18) return false;                     // 198.18.0.0/15 benchmarking
        if (a0 == 198 && a1 == 51 && a2 == 100) return false;                 // TEST-NET-2
        if (a0 == 203 && a1 == 0 && a2 == 113) return false;                  // TEST-NET-3
        return a0 < 224;                                                      // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicV4(new byte[]{b[12], b[13], b[14], b[15]});         // ::ffff:a.b.c.d mapped
        }
        if (allZero(b, 0, 12)) return false;                                  // ::, ::1, ::a.b.c.d compatible
        int first = b[0] & 0xff, second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc) return false;                             // fc00::/7 unique-local
        if (first == 0xfe && (second & 0xc0) == 0x80) return false;           // fe80::/10 link-local
        if (first == 0xfe && (second & 0xc0) == 0xc0) return false;           // fec0::/10 site-local
        if (first == 0xff) return false;                                      // multicast
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) return false; // NAT64
        if (first == 0x20 && second == 0x02) return false;                    // 6to4
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) return false;                     // Teredo
        if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return false; // docs
        return (first & 0xe0) == 0x20;                                        // 2000::/3 global unicast only
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    /** Parses an address literal without any name lookup (for tests and configuration). */
    static InetAddress literal(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address of 4 or 16 bytes", e);
        }
    }
}
