package io.relais.web.layout;

/**
 * The reader may see this but not do what the page would offer (another person's post to edit): answered with the
 * not-allowed page (403), or its sentence in the status region for htmx.
 */
public class NotAllowed extends RuntimeException {

    public NotAllowed() {
        super("not allowed", null, false, false);
    }
}
