package io.relais.kit.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.relais.kit.json.JsonProblems;
import io.relais.kit.store.StoreOutage;
import io.relais.kit.store.StoreUnavailableException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.relais.events.EventId;
import io.relais.events.InvalidActivityException;
import io.relais.events.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error of every service leaves as problem+json (RFC 9457); never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder rb = respond(e.problem().withInstance(uri.getPath()));
        e.headers().forEach(rb::header);
        return rb.build();
    }

    @ServerExceptionMapper
    public Response invalidActivity(InvalidActivityException e, UriInfo uri) {
        return respond(ProblemException.invalid(e.violations()).problem().withInstance(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> missingBody(v) ? new Violation("body", "a JSON body is required") : new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return respond(ProblemException.invalid(violations).problem().withInstance(uri.getPath())).build();
    }

    /**
     * A body that is not JSON, breaks {@code StrictJson}'s limits or does not fit the expected shape: 400 naming
     * the field and the rule. Every Jackson failure type is listed so that this mapper, not a built-in one, answers.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class,
            JsonParseException.class, StreamConstraintsException.class, InvalidDefinitionException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Violation v = JsonProblems.violation(e);
        return respond(ProblemException.invalid(v.field(), v.message()).problem().withInstance(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe, uri);
        }
        if ((status == 404 || status == 400) && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers 404 when a query or path parameter cannot be converted (limit=abc), 400 for a header:
            // either way the request is bad, and the parameter is named where it can be found
            Violation v = ParameterProblems.violation(resource, uri);
            return respond(ProblemException.invalid(v.field(), v.message()).problem().withInstance(uri.getPath())).build();
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "no resource at " + uri.getPath()
                : status == 405 ? "this method is not allowed on " + uri.getPath()
                : status == 415 ? "this media type is not accepted here"
                : status == 406 ? "no representation matches the Accept header"
                : status == 413 ? "the request body is larger than this service accepts"
                : status == 400 ? "the request is not valid"
                : title; // a framework message may quote internals: the status says enough
        Response.ResponseBuilder rb = respond(Problem.of(status, slug(title), title, detail).withInstance(uri.getPath()));
        e.getResponse().getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type")) v.forEach(val -> rb.header(k, val));
        });
        return rb.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", "a valid bearer token is required")
                .withInstance(uri.getPath())).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(new UnauthorizedException(), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your roles do not allow this operation")
                .withInstance(uri.getPath())).build();
    }

    /**
     * The store is unreachable, electing a primary or too slow to select ({@link StoreOutage#isTransient}): 503
     * problem+json with {@code Retry-After} ({@link StoreOutage#RETRY_AFTER_SECONDS} s), so that a client knows to
     * try again. Any other driver failure (a duplicate key, a bug) is a 500.
     */
    @ServerExceptionMapper({MongoException.class, MongoTimeoutException.class, MongoSocketException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class, MongoConnectionPoolClearedException.class,
            MongoServerUnavailableException.class, StoreUnavailableException.class})
    public Response storeUnavailable(RuntimeException e, UriInfo uri) {
        if (!(e instanceof StoreUnavailableException) && !StoreOutage.isTransient(e)) return unexpected(e, uri);
        LOG.warnf("store unavailable on %s: %s", uri.getPath(), e.getClass().getSimpleName());
        return respond(Problem.of(503, "unavailable", "Service unavailable",
                "the data store is unavailable for now; the request may not have been applied, try again later")
                .withInstance(uri.getPath()))
                .header("Retry-After", Integer.toString(StoreOutage.RETRY_AFTER_SECONDS)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = EventId.next();
        LOG.errorf(e, "unexpected error, incident %s on %s", incident, uri.getPath());
        return respond(Problem.of(500, "internal", "Internal error",
                "something went wrong on our side; quote incident " + incident + " when reporting it")
                .withInstance(uri.getPath())).build();
    }

    private static Response.ResponseBuilder respond(Problem p) {
        RefusalLog.remember(p);
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * The body itself is absent: a {@code @NotNull} on the resource method's body parameter, which every resource names
     * {@code request}. Said as the missing body, not as "request must not be null" (a Java parameter's name).
     */
    private static boolean missingBody(ConstraintViolation<?> v) {
        String[] parts = v.getPropertyPath().toString().split("\\.");
        return parts.length == 2 && "request".equals(parts[1]) && v.getInvalidValue() == null;
    }

    /**
     * The field as the caller wrote it: {@code "createPost.request.content"} → {@code content} (the caller knows the
     * body, not our method names), and an element of a list by its index alone: Hibernate Validator names a
     * constraint on a container element ({@code List<@NotNull String> communities}) {@code communities[0].<list element>},
     * which is {@code communities[0]}; in a nested container, {@code a[0].<list element>[1].<list element>} is
     * {@code a[0][1]}.
     */
    static String field(ConstraintViolation<?> v) {
        return field(v.getPropertyPath().toString());
    }

    static String field(String path) {
        String[] parts = path.split("\\.");
        List<String> kept = new java.util.ArrayList<>();
        for (String part : parts.length > 2 ? java.util.Arrays.copyOfRange(parts, 2, parts.length)
                : new String[]{parts[parts.length - 1]}) {
            java.util.regex.Matcher element = CONTAINER_ELEMENT.matcher(part);
            if (element.matches() && !kept.isEmpty()) {
                // "<list element>", "<map value>", "<iterable element>": Java's name for the element; its index stays
                kept.set(kept.size() - 1, kept.get(kept.size() - 1) + element.group(1));
            } else {
                kept.add(part);
            }
        }
        return String.join(".", kept);
    }

    /** A container element node of a Bean Validation path, with the index of a nested element after it, if any. */
    private static final java.util.regex.Pattern CONTAINER_ELEMENT = java.util.regex.Pattern.compile("<[a-z ]+>((?:\\[[^\\]]*\\])*)");
}
