package io.relais.web.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.net.URI;
import java.util.Set;

/**
 * What a person sees when a service says no or does not answer: the service's own problem detail
 * (it is written for people), a page for full navigations, or a message in the status region for
 * htmx requests. Never a stack trace.
 */
public class ServiceErrors {

    private static final Logger LOG = Logger.getLogger(ServiceErrors.class);

    @Inject
    Pages pages;

    @Inject
    @Location("error.html")
    Template errorPage;

    @Inject
    @Location("flash.html")
    Template flash;


    @ServerExceptionMapper
    public Response serviceRefused(ClientWebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            // the session's token is no longer accepted: log in again
            return Response.seeOther(URI.create("/login")).build();
        }
        Msg msg = pages.msg();
        // the service's own detail is English: a French reader gets a French sentence naming the fields instead
        boolean english = "en".equals(pages.locale().getLanguage());
        // the services answer 404 for what the caller may not know exists, 403 for what they see but may not do
        String message = status == 404 ? msg.notFound()
                : status == 403 ? msg.notAllowed()
                : english ? detailOf(e).orElse(msg.unavailable()) : msg.refusedLocalised(fieldsOf(e));
        if (status >= 500) {
            LOG.warnf("service answered %d: %s", status, e.getMessage());
            message = pages.msg().unavailable();
        }
        return render(headers, status >= 500 ? 503 : status, message);
    }

    /**
     * A page this person's roles do not open (the dashboard for a non-manager, the audit log for a community manager): a
     * page, not an empty 403, saying who the page is for as its {@code @RolesAllowed} says.
     */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers, SimpleResourceInfo resource) {
        return render(headers, 403, forbiddenSentence(rolesOf(resource), pages.msg()));
    }

    /** A person who may not do what a page offers (a post they may not edit): the not-allowed page, or its status line. */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowed e, HttpHeaders headers) {
        return render(headers, 403, pages.msg().notAllowed());
    }

    static String forbiddenSentence(Set<String> roles, Msg msg) {
        if (roles.equals(Set.of("admin"))) {
            return msg.forbiddenAdmins();
        }
        if (roles.equals(Set.of("community-manager", "admin"))) {
            return msg.forbidden();
        }
        return msg.forbiddenPage();
    }

    /** The roles the refused method allows (its own annotation, else its class's); empty when unknown. */
    private static Set<String> rolesOf(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return Set.of();
        }
        try {
            RolesAllowed allowed = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(RolesAllowed.class);
            if (allowed == null) {
                allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            return allowed == null ? Set.of() : Set.of(allowed.value());
        } catch (NoSuchMethodException | RuntimeException unknown) {
            return Set.of();
        }
    }

    /** A change without this session's synchronizer token: a forged request, or a page from an earlier session. */
    @ServerExceptionMapper
    public Response forged(io.relais.web.forgery.RequestForgeryRefused e, HttpHeaders headers) {
        return render(headers, 403, pages.msg().forgeryRefused());
    }

    /**
     * A refusal by the app's own server before any page code runs. A query parameter whose value does not convert to
     * its type ({@code /feed/banner?count=abc}) was a bare 404, as if the page did not exist: it is a 400 naming the
     * parameter and its rule ({@link MalformedParameter}) — the error page in the reader's language (the status line
     * for htmx), or an RFC 9457 problem+json for what is not a page. A form over
     * {@code quarkus.http.limits.max-form-attribute-size} was a bare 413, and a form posted without htmx left the reader
     * on an empty page: it is the error page now, in the reader's language. htmx keeps the 413, which relais.js says
     * next to the form that sent it. Any other {@code WebApplicationException} keeps its own answer.
     */
    @ServerExceptionMapper
    public Response refusedRequest(WebApplicationException e, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        java.util.Optional<MalformedParameter> malformed = MalformedParameter.of(e, resource, uri);
        if (malformed.isPresent()) {
            return malformed(malformed.get(), headers, uri, resource);
        }
        if (isUnknownAddress(e, resource, uri, headers)) {
            return unknownAddress(headers);
        }
        if (e.getResponse() == null || e.getResponse().getStatus() != 413) {
            return e.getResponse();
        }
        String sentence = pages.msg().tooLargePage();
        if (headers.getHeaderString("HX-Request") != null) {
            return Response.status(413).entity(sentence).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
        return Response.status(413).entity(pages.of(errorPage).data("message", sentence).data("nav", "").render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /**
     * An address no page answers ({@code /nope/xyz}): JAX-RS' own 404, matched to no method, had an empty body, so the
     * browser showed its own error page. A person asking for a page gets ours, with the header and a way home;
     * what asks for data (an {@code Accept} without HTML) and Quarkus' own {@code /q/} keep the bare 404.
     */
    private static boolean isUnknownAddress(WebApplicationException e, ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        if (!(e instanceof jakarta.ws.rs.NotFoundException) || e.getCause() != null) return false;
        // a page's own "not found" (a resource method threw it) keeps its answer
        if (resource != null && resource.getResourceMethod() != null) return false;
        String path = uri == null ? "" : uri.getPath();
        if (path.equals("/q") || path.startsWith("/q/")) return false;
        return headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE));
    }

    private Response unknownAddress(HttpHeaders headers) {
        EmptyStateMsg words = pages.empty();
        if (headers.getHeaderString("HX-Request") != null) {
            return render(headers, 404, words.noSuchPage());
        }
        return Response.status(404)
                .entity(pages.of(errorPage).data("heading", words.pageNotFound()).data("message", words.noSuchPage()).data("nav", "").render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response malformed(MalformedParameter p, HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        if (!answersPages(resource)) {
            ObjectNode problem = JsonNodeFactory.instance.objectNode()
                    .put("type", "https://relais.dev/problems/validation").put("title", "Invalid request").put("status", 400)
                    .put("detail", p.named() ? p.name() + " " + p.message() : "a parameter has a value of the wrong type")
                    .put("instance", uri.getPath());
            if (p.named()) {
                problem.putArray("errors").addObject().put("field", p.name()).put("message", p.message());
            }
            return Response.status(400).entity(problem.toString()).type("application/problem+json").build();
        }
        Msg msg = pages.msg();
        return render(headers, 400, p.named() ? msg.malformedParameter(p.name(), p.message(msg)) : msg.malformedRequest());
    }

    /** Whether the refused method answers pages or fragments (HTML), rather than a stream, a file or data. */
    private static boolean answersPages(ResourceInfo resource) {
        java.lang.reflect.Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return true;
        }
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = resource.getResourceClass().getAnnotation(Produces.class);
        }
        return produces == null || java.util.Arrays.stream(produces.value())
                .anyMatch(type -> type.startsWith(MediaType.TEXT_HTML) || type.startsWith(MediaType.WILDCARD));
    }

    @ServerExceptionMapper
    public Response serviceDown(ProcessingException e, HttpHeaders headers) {
        LOG.warnf("service unreachable: %s", e.getMessage());
        return render(headers, 503, pages.msg().unavailable());
    }

    private Response render(HttpHeaders headers, int status, String message) {
        boolean htmx = headers.getHeaderString("HX-Request") != null;
        if (htmx) {
            // htmx swaps only 2xx answers: show the message in the page's status region instead
            return Response.ok(pages.of(flash).data("message", message).data("kind", "error").render(),
                            MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("HX-Retarget", "#flash").header("HX-Reswap", "innerHTML").build();
        }
        return Response.status(status)
                .entity(pages.of(errorPage).data("message", message).data("nav", "").render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The names of the fields a problem+json's {@code errors} list names, comma-separated (empty when none). */
    private static String fieldsOf(ClientWebApplicationException e) {
        return String.join(", ", fieldsNamed(e));
    }

    /**
     * The fields a service's problem+json names in its {@code errors} list (RFC 9457 extension used by every Relais
     * service), in order; empty when it names none or the body is not a problem. The body stays readable.
     */
    public static java.util.List<String> fieldsNamed(ClientWebApplicationException e) {
        try {
            e.getResponse().bufferEntity(); // the error page may read the detail afterwards
            JsonNode problem = e.getResponse().readEntity(JsonNode.class);
            java.util.List<String> fields = new java.util.ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        } catch (RuntimeException unreadable) {
            return java.util.List.of();
        }
    }

    private static java.util.Optional<String> detailOf(ClientWebApplicationException e) {
        try {
            JsonNode problem = e.getResponse().readEntity(JsonNode.class);
            StringBuilder text = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
            for (JsonNode error : problem.path("errors")) {
                // a one-field problem's detail is already "<field> <message>" (service-kit ProblemException.invalid)
                if (!error.path("message").asText().isEmpty() && text.indexOf(error.path("message").asText()) >= 0) continue;
                text.append(text.isEmpty() ? "" : " — ").append(error.path("field").asText()).append(": ")
                        .append(error.path("message").asText());
            }
            return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text.toString());
        } catch (RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }
}
