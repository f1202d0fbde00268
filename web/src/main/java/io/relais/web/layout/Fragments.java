package io.relais.web.layout;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Answers for htmx requests that only need to tell the person something. */
@RequestScoped
public class Fragments {

    @Inject
    Pages pages;

    @Inject
    @Location("flash.html")
    Template flash;

    public Response flash(String kind, String message) {
        return Response.ok(pages.of(flash).data("message", message).data("kind", kind).render(),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("HX-Retarget", "#flash").header("HX-Reswap", "innerHTML").build();
    }
}
