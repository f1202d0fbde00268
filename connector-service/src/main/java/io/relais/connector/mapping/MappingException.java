package io.relais.connector.mapping;

/** A mapping template that cannot turn an accepted event into a valid activity: the event goes to the dead letters. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
