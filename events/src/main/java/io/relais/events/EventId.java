package io.relais.events;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered ids (UUIDv7, RFC 9562): sortable by creation time, so event ids, outbox records and
 * timeline cursors order naturally without a separate timestamp index.
 */
public final class EventId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private EventId() {
    }

    public static String next() {
        return nextUuid().toString();
    }

    /** Monotonic within one JVM: ids created in the same millisecond still sort in creation order. */
    public static synchronized UUID nextUuid() {
        long now = System.currentTimeMillis();
        if (now <= lastMillis) {
            now = lastMillis;
            sequence++;
            if (sequence > 0xFFF) {
                now = ++lastMillis;
                sequence = 0;
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        long msb = (now << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** Milliseconds since the epoch at which a UUIDv7 was created. */
    public static long epochMillis(String uuidV7) {
        return UUID.fromString(uuidV7).getMostSignificantBits() >>> 16;
    }
}
