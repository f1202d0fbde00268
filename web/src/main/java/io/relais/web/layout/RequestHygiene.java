package io.relais.web.layout;

import io.relais.events.UriHygiene;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * The web app's pages get the services' path and query hygiene before anything reads them ({@link UriHygiene}, the
 * rule service-kit's {@code PathHygiene} applies in every service; SECURITY.md §4): a search box, "No results for …",
 * a who-knows skill or a ticked filter echoes only clean text, and a {@code {login}} or {@code {slug}} is passed on
 * clean. Found trying the stack: a crafted link's NUL or right-to-left override reached {@code /search} and
 * {@code /people} pages (escaped, but reading reversed).
 */
@Provider
@PreMatching
public class RequestHygiene implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        URI clean = UriHygiene.clean(uri);
        if (clean != uri) request.setRequestUri(clean);
    }
}
