package io.relais.connector.delivery;

/** Kafka did not acknowledge in time: the request answers 503 and the event can be sent again. */
public class KafkaUnavailableException extends RuntimeException {
    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
