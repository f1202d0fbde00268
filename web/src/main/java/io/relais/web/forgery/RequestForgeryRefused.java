package io.relais.web.forgery;

/** A change requested without this session's synchronizer token (mapped to a 403 page in ServiceErrors). */
public class RequestForgeryRefused extends RuntimeException {

    public RequestForgeryRefused() {
        super("missing or wrong synchronizer token", null, false, false);
    }
}
