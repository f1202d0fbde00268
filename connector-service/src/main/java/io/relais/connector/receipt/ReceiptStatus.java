package io.relais.connector.receipt;

import java.util.Locale;

/**
 * Where an event is: {@code accepted} (being published), {@code published} (Kafka acknowledged it),
 * {@code failed} (Kafka unavailable; a resend of the same event retries it), {@code rejected} (invalid;
 * a corrected resend replaces it), {@code dead-lettered} (accepted, but its mapping failed: an admin
 * replays it once the mapping is fixed).
 */
public enum ReceiptStatus {
    ACCEPTED, PUBLISHED, FAILED, REJECTED, DEAD_LETTERED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReceiptStatus of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** A resend of the same event may take over a receipt in these states; the others are final answers. */
    public boolean retryable() {
        return this == FAILED || this == REJECTED;
    }
}
