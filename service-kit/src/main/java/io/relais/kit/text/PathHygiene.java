package io.relais.kit.text;

import io.relais.events.UriHygiene;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * Path and query parameters get the same hygiene as body text, before anything else sees them (issue 13):
 * each path segment and query value is decoded, passed through {@link TextHygiene#line} (NFC, no control,
 * bidi or zero-width characters) and re-encoded. So {@code /api/feed/hashtags/cafe%CC%81} (an {@code e}
 * plus a combining accent, as phone keyboards send it) reaches the resource as {@code café}, the same
 * key the post's hashtag was stored under. A request whose parameters are already clean is left as it is.
 *
 * <p>It lives in service-kit so that every service has it (SECURITY.md §4: path parameters are cleaned
 * before they are validated, stored or compared). While it was feed-service's alone, profile-service
 * compared {@code /api/people/bob/skills/Ka%E2%80%AEfka/…} raw and quoted the override back in the
 * problem's {@code detail} and {@code instance} (the request path, which this filter also rewrites).
 */
@Provider
@PreMatching
public class PathHygiene implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        URI clean = UriHygiene.clean(uri);
        if (clean != uri) request.setRequestUri(clean);
    }
}
