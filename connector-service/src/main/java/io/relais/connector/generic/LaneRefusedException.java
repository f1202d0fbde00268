package io.relais.connector.generic;

/** Thrown by a request whose generic activity is outside the connector's lane; answered 403 problem+json. */
public class LaneRefusedException extends RuntimeException {

    private final LaneRefusal refusal;

    public LaneRefusedException(LaneRefusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public LaneRefusal refusal() {
        return refusal;
    }
}
