package io.relais.kit.store;

/**
 * The store stayed unavailable until the waiting thread was stopped (interrupted at shutdown). Transient by
 * {@link StoreOutage#isTransient}'s rule because its cause is; HTTP answers it 503 with {@code Retry-After}.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
