package io.relais.events;

import java.util.List;
import java.util.stream.Collectors;

/** An activity that does not follow the contract; carries every violation found. */
public class InvalidActivityException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidActivityException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
