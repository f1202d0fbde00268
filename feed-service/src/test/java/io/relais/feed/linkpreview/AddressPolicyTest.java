package io.relais.feed.linkpreview;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.net.InetAddress;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The link-preview fetcher reaches public unicast addresses only, whatever range a name resolves into. */
class AddressPolicyTest {

    private static final AddressPolicy POLICY = new AddressPolicy(Set.of());

    private static InetAddress v4(int a, int b, int c, int d) {
        return AddressPolicy.literal(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
    }

    private static InetAddress v6(int... words) {
        byte[] raw = new byte[16];
        for (int i = 0; i < 8; i++) {
            raw[2 * i] = (byte) (words[i] >> 8);
            raw[2 * i + 1] = (byte) words[i];
        }
        return AddressPolicy.literal(raw);
    }

    @Property
    void privateLoopbackLinkLocalAndCarrierNatRangesAreRefused(@ForAll @IntRange(max = 255) int b, @ForAll @IntRange(max = 255) int c,
                                                                @ForAll @IntRange(max = 255) int d) {
        assertThat(AddressPolicy.isPublic(v4(10, b, c, d))).as("10/8").isFalse();
        assertThat(AddressPolicy.isPublic(v4(127, b, c, d))).as("loopback").isFalse();
        assertThat(AddressPolicy.isPublic(v4(0, b, c, d))).as("this network").isFalse();
        assertThat(AddressPolicy.isPublic(v4(169, 254, c, d))).as("link-local, metadata").isFalse();
        assertThat(AddressPolicy.isPublic(v4(172, 16 + b % 16, c, d))).as("172.16/12").isFalse();
        assertThat(AddressPolicy.isPublic(v4(192, 168, c, d))).as("192.168/16").isFalse();
        assertThat(AddressPolicy.isPublic(v4(100, 64 + b % 64, c, d))).as("100.64/10").isFalse();
    }

    @Property
    void multicastReservedAndBroadcastAreRefused(@ForAll @IntRange(min = 224, max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                                 @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
        assertThat(AddressPolicy.isPublic(v4(a, b, c, d))).isFalse();
    }

    @Property
    void ordinaryInternetAddressesAreAllowed(@ForAll @IntRange(min = 11, max = 99) int a, @ForAll @IntRange(max = 255) int b,
                                             @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
        assertThat(POLICY.allows(v4(a, b, c, d), 443)).isTrue();
    }

    @Property
    void uniqueLocalLinkLocalAndMulticastV6AreRefused(@ForAll @IntRange(max = 0xffff) int w1, @ForAll @IntRange(max = 0xffff) int w7) {
        assertThat(AddressPolicy.isPublic(v6(0xfc00 | (w1 & 0x1ff), w1, 0, 0, 0, 0, 0, w7))).as("fc00::/7").isFalse();
        assertThat(AddressPolicy.isPublic(v6(0xfe80 | (w1 & 0x3f), 0, 0, 0, 0, 0, 0, w7))).as("fe80::/10").isFalse();
        assertThat(AddressPolicy.isPublic(v6(0xff00 | (w1 & 0xff), 0, 0, 0, 0, 0, 0, w7))).as("multicast").isFalse();
    }

    @Property
    void ipv6FormsEmbeddingAPrivateIpv4AreRefused(@ForAll @IntRange(max = 0xffff) int low) {
        assertThat(AddressPolicy.isPublic(v6(0, 0, 0, 0, 0, 0xffff, 0x0a00, low))).as("::ffff:10.0.x.x").isFalse();
        assertThat(AddressPolicy.isPublic(v6(0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0xa9fe))).as("::ffff:169.254.169.254").isFalse();
        assertThat(AddressPolicy.isPublic(v6(0x64, 0xff9b, 0, 0, 0, 0, 0x7f00, low))).as("NAT64").isFalse();
        assertThat(AddressPolicy.isPublic(v6(0x2002, 0x7f00, low, 0, 0, 0, 0, 1))).as("6to4").isFalse();
    }

    @Property
    void globalUnicastV6IsAllowed(@ForAll @IntRange(min = 0x2400, max = 0x2fff) int w0, @ForAll @IntRange(max = 0xffff) int w7) {
        assertThat(AddressPolicy.isPublic(v6(w0, 0x4700, 0, 0, 0, 0, 0, w7))).isTrue();
    }

    @Property
    void theTestAllowListAdmitsExactlyItsEndpoints(@ForAll @IntRange(min = 1, max = 65535) int port) {
        AddressPolicy local = new AddressPolicy(Set.of("127.0.0.1:18099"));
        assertThat(local.allows(v4(127, 0, 0, 1), port)).isEqualTo(port == 18099);
        assertThat(local.allows(v4(127, 0, 0, 2), 18099)).isFalse();
        assertThat(local.allows(v4(169, 254, 169, 254), 80)).isFalse();
    }

    @Property(tries = 1)
    void theLoopbackAndMetadataAddressesAreRefused() {
        assertThat(AddressPolicy.isPublic(v4(127, 0, 0, 1))).isFalse();
        assertThat(AddressPolicy.isPublic(v4(169, 254, 169, 254))).isFalse();
        assertThat(AddressPolicy.isPublic(v6(0, 0, 0, 0, 0, 0, 0, 1))).as("::1").isFalse();
        assertThat(AddressPolicy.isPublic(v6(0, 0, 0, 0, 0, 0, 0, 0))).as("::").isFalse();
        assertThat(AddressPolicy.isPublic(v4(8, 8, 8, 8))).isTrue();
    }
}
