package io.relais.profile.scim;

/** An error answered in SCIM's own format (RFC 7644 §3.12), not problem+json: SCIM clients parse it. */
public class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException notFound(String id) {
        return new ScimException(404, null, "no User with id " + id);
    }
}
