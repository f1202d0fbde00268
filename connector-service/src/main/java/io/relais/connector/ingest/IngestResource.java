package io.relais.connector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.relais.connector.ConnectorConfig;
import io.relais.connector.generic.LaneRefusal;
import io.relais.connector.generic.LaneRefusedException;
import io.relais.connector.generic.RelaisDirectory;
import io.relais.connector.mapping.BusinessEventMapper;
import io.relais.connector.mapping.MappingException;
import io.relais.connector.registration.Registration;
import io.relais.connector.registration.RegistrationResource;
import io.relais.connector.registration.RegistrationStore;
import io.relais.connector.source.SourceType;
import io.relais.events.Activity;
import io.relais.events.EventId;
import io.relais.events.Iri;
import io.relais.events.Violation;
import io.relais.kit.error.Problem;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path("/api/connectors/{source}/events")
@Tag(name = "ingestion", description = "Business systems push their events (hr, crm, ecm envelopes; generic CloudEvents)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class IngestResource {

    static final String HIRE_EXAMPLE = """
            {"eventType":"employee.hired","eventId":"wd-2026-000123","occurredAt":"2026-11-22T09:30:00Z",
             "data":{"login":"dave","displayName":"Dave Martin","email":"dave@relais.example","title":"Data engineer",
                     "department":"Data","manager":"carol","location":"Lyon","startDate":"2026-12-01"}}""";
    static final String GENERIC_EXAMPLE = """
            {"specversion":"1.0","id":"intranet-42","source":"/intranet/news","type":"com.example.intranet.news.published",
             "datacontenttype":"application/activity+json",
             "data":{"@context":["https://www.w3.org/ns/activitystreams",{"@language":"fr"}],"type":"Create",
                     "object":{"type":"Note","id":"news-42","name":"Inscriptions CSE",
                               "content":"<p>Le CSE ouvre les inscriptions.</p>","url":"https://intranet.example/news/42",
                               "tag":[{"type":"Hashtag","name":"#cse"}]},
                     "to":"urn:relais:audience:organisation"}}""";

    @Inject
    RegistrationStore registrations;

    @Inject
    CurrentPerson caller;

    @Inject
    EventReader reader;

    @Inject
    Ingestion ingestion;

    @Inject
    BusinessEventMapper mapper;

    @Inject
    ConnectorConfig config;

    @Inject
    RelaisDirectory directory;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed(Roles.CONNECTOR)
    @Operation(summary = "Send one event. 202 with its receipt once Kafka has it; 200 with the original receipt for a "
            + "duplicate (the same id with the same content); 409 naming eventId for the same id with different "
            + "content; 400 listing every violation; 403 for a source this client is not registered for, or (generic) "
            + "for an activity outside the connector's lane, with the rule it breaks in `rule`; 413 when "
            + "too large; 503 with Retry-After when Kafka is unavailable (send it again: nothing was half-done)")
    @RequestBody(content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "hr hire", value = HIRE_EXAMPLE)),
            @Content(mediaType = GenericCloudEvents.STRUCTURED, examples = @ExampleObject(name = "generic", value = GENERIC_EXAMPLE))})
    @APIResponse(responseCode = "202", description = "published; body = receipt")
    public Response send(@PathParam("source") String sourceId, @HeaderParam("Content-Length") String contentLength,
                         InputStream body) {
        SourceType source = SourceType.of(sourceId);
        Registration registration = authorised(source);
        byte[] bytes = RequestBodies.read(body, contentLength, config.maxEventBytes(), "an event");
        Ingestion.Submission submission = submission(source, registration, bytes);
        Ingestion.Handled handled = ingestion.ingest(registration, submission);
        return respond(handled);
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.CONNECTOR)
    @Operation(summary = "Send up to connector.max-batch-events events (a JSON array; for generic, "
            + "application/cloudevents-batch+json). Each event is handled on its own: 200 with one result per event, "
            + "or 503 when Kafka is unavailable (send the whole batch again: published events come back as duplicates)")
    public Response batch(@PathParam("source") String sourceId, @HeaderParam("Content-Length") String contentLength,
                          InputStream body) {
        SourceType source = SourceType.of(sourceId);
        Registration registration = authorised(source);
        byte[] bytes = RequestBodies.read(body, contentLength, config.maxBatchBytes(), "a batch");
        JsonNode array;
        try {
            array = EventReader.parse(bytes);
        } catch (EventReader.InvalidJson e) {
            throw ProblemException.invalid("$", e.getMessage());
        }
        if (!array.isArray()) throw ProblemException.invalid("$", "must be a JSON array of events");
        if (array.isEmpty()) throw ProblemException.invalid("$", "must hold at least one event");
        if (array.size() > config.maxBatchEvents()) {
            throw ProblemException.tooLarge("a batch may hold at most " + config.maxBatchEvents() + " events; this one has " + array.size());
        }
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        List<BatchItem> items = new ArrayList<>();
        List<Ingestion.Submission> distinct = new ArrayList<>();
        List<Integer> distinctIndex = new ArrayList<>();
        java.util.Set<String> started = new java.util.HashSet<>();
        List<Integer> repeats = new ArrayList<>();
        List<Candidate> repeated = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Candidate c = candidate(source, registration, array.get(i), "[" + i + "]");
            items.add(null);
            if (c.refusal() != null) {
                items.set(i, BatchItem.refused(i, c.eventId(), c.refusal()));
                continue;
            }
            if (!c.violations().isEmpty()) {
                items.set(i, BatchItem.rejected(i, c.eventId(), c.violations()));
                continue;
            }
            if (!started.add(c.submission().source().id() + ":" + c.submission().eventId())) {
                // the same event twice in one batch: handled after the first is settled, as a duplicate (or a
                // conflict when it says something else)
                repeats.add(i);
                repeated.add(c);
                continue;
            }
            distinct.add(c.submission());
            distinctIndex.add(i);
        }
        // the distinct events' store work is done in bulk (a few round trips per batch, not per event)
        List<Ingestion.Handled> handled = ingestion.ingestBatch(registration, distinct, deadline);
        for (int k = 0; k < handled.size(); k++) {
            int i = distinctIndex.get(k);
            Ingestion.Handled h = handled.get(k);
            items.set(i, BatchItem.of(i, h.receipt() != null ? h.receipt().eventId() : distinct.get(k).eventId(), h));
        }
        boolean kafkaDown = handled.stream().anyMatch(h -> h.result() == Ingestion.Result.UNAVAILABLE
                || h.result() == Ingestion.Result.NOT_ATTEMPTED);
        for (int k = 0; k < repeats.size(); k++) {
            Ingestion.Submission repeat = repeated.get(k).submission();
            Ingestion.Handled h = kafkaDown ? ingestion.notAttempted(repeat) : ingestion.ingest(registration, repeat);
            items.set(repeats.get(k), BatchItem.of(repeats.get(k), repeated.get(k).eventId(), h));
        }
        BatchResult result = BatchResult.of(items);
        if (result.unavailable() > 0) {
            throw ProblemException.unavailable("Kafka is unavailable: " + result.published() + " of " + items.size()
                    + " events were published; send the batch again (published events come back as duplicates)",
                    config.retryAfterSeconds());
        }
        return Response.ok(result).build();
    }

    @POST
    @Path("/dry-run")
    @RolesAllowed(Roles.CONNECTOR)
    @Operation(summary = "Validate and map one event without publishing: the AS2 activity that would be produced "
            + "(400 listing violations, 422 when the mapping fails)")
    public Activity dryRun(@PathParam("source") String sourceId, @HeaderParam("Content-Length") String contentLength,
                           InputStream body) {
        SourceType source = SourceType.of(sourceId);
        Registration registration = authorised(source);
        byte[] bytes = RequestBodies.read(body, contentLength, config.maxEventBytes(), "an event");
        Candidate c = source == SourceType.GENERIC ? generic(registration, bytes)
                : business(source, registration, parseOrReject(bytes), "");
        if (c.refusal() != null) throw new LaneRefusedException(c.refusal());
        if (!c.violations().isEmpty()) throw ProblemException.invalid(c.violations());
        try {
            String id = EventId.next();
            return c.submission().build().apply(new BusinessEventMapper.Ids(Iri.of(Iri.ACTIVITY, id), Iri.of(Iri.BUSINESS_EVENT, id)));
        } catch (MappingException e) {
            throw new ProblemException(Problem.of(422, "mapping-failed", "Mapping failed", e.getMessage()));
        }
    }

    private Registration authorised(SourceType source) {
        Registration registration = RegistrationResource.registrationOfCaller(caller, registrations);
        if (!registration.mayPostAs(source.id())) {
            throw ProblemException.forbidden("client " + registration.clientId() + " may post as " + registration.sources()
                    + ", not as " + source.id());
        }
        return registration;
    }

    private record Candidate(Ingestion.Submission submission, String eventId, List<Violation> violations,
                             LaneRefusal refusal) {
        Candidate(Ingestion.Submission submission, String eventId, List<Violation> violations) {
            this(submission, eventId, violations, null);
        }
    }

    private Ingestion.Submission submission(SourceType source, Registration registration, byte[] bytes) {
        if (source == SourceType.GENERIC && GenericCloudEvents.isBatch(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            // a batch sent to the single endpoint was read as an hr/crm/ecm envelope, and refused in its words
            throw ProblemException.invalid(HttpHeaders.CONTENT_TYPE, "is " + GenericCloudEvents.BATCH + ", a batch: send it to "
                    + "/api/connectors/generic/events/batch, or one event here as " + GenericCloudEvents.STRUCTURED);
        }
        Candidate c = source == SourceType.GENERIC ? generic(registration, bytes)
                : business(source, registration, parseOrReject(bytes), "");
        if (c.refusal() != null) throw new LaneRefusedException(c.refusal());
        if (!c.violations().isEmpty()) {
            throw ProblemException.invalid(c.violations());
        }
        return c.submission();
    }

    private static JsonNode parseOrReject(byte[] bytes) {
        try {
            return EventReader.parse(bytes);
        } catch (EventReader.InvalidJson e) {
            throw ProblemException.invalid("$", e.getMessage());
        }
    }

    private Candidate candidate(SourceType source, Registration registration, JsonNode node, String prefix) {
        if (source == SourceType.GENERIC) {
            return fromGeneric(source, registration, GenericCloudEvents.structured(node, registration, directory, prefix));
        }
        return business(source, registration, node, prefix);
    }

    private Candidate business(SourceType source, Registration registration, JsonNode node, String prefix) {
        EventReader.Read read = reader.read(source, node, prefix);
        if (read.valid() && read.event().system() != null && !read.event().system().equals(registration.system())) {
            // a client speaks for the one system it was registered for: its name is what employees read as the sender
            read = new EventReader.Read(null, EventReader.prefixed(List.of(new Violation("system", "must be this client's "
                    + "registered system (" + registration.system() + "), or left out")), prefix), read.eventType(), read.eventId());
        }
        if (!read.valid()) {
            ingestion.rejected(source, read.eventType(), read.eventId(), registration.clientId(), read.violations());
            return new Candidate(null, read.eventId(), read.violations());
        }
        return new Candidate(Ingestion.of(read.event(), registration, mapper), read.eventId(), List.of());
    }

    private Candidate generic(Registration registration, byte[] bytes) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        GenericCloudEvents.Read read = GenericCloudEvents.isStructured(contentType)
                ? GenericCloudEvents.structured(parseOrReject(bytes), registration, directory, "")
                : GenericCloudEvents.binary(headers, bytes, registration, directory);
        return fromGeneric(SourceType.GENERIC, registration, read);
    }

    private Candidate fromGeneric(SourceType source, Registration registration, GenericCloudEvents.Read read) {
        String usableId = read.ceId() != null && read.ceId().matches("[A-Za-z0-9._~@+-]{1,128}") ? read.ceId() : null;
        if (read.refusal() != null) {
            ingestion.rejected(source, read.ceType(), usableId, registration.clientId(),
                    List.of(new Violation(read.refusal().field(), read.refusal().message())));
            return new Candidate(null, read.ceId(), List.of(), read.refusal());
        }
        if (!read.valid()) {
            ingestion.rejected(source, read.ceType(), usableId, registration.clientId(), read.violations());
            return new Candidate(null, read.ceId(), read.violations());
        }
        Activity card = read.activity();
        // the receipt fixes the activity id (a resend is the same activity); the object id is the system's, namespaced
        Ingestion.Submission s = new Ingestion.Submission(source, registration.clientId(), read.ceType(), read.ceId(), registration.system(),
                null, io.relais.events.ActivityJson.writeString(card), read.digest(), ids -> card.toBuilder().id(ids.activityId()).build());
        return new Candidate(s, read.ceId(), List.of());
    }

    private Response respond(Ingestion.Handled handled) {
        return switch (handled.result()) {
            case UNAVAILABLE, NOT_ATTEMPTED -> throw ProblemException.unavailable(handled.detail()
                    + "; send the same event again in a moment: it will be published once", config.retryAfterSeconds());
            case IN_FLIGHT -> throw new ProblemException(Problem.of(409, "in-flight", "Conflict", handled.detail()),
                    Map.of("Retry-After", "1"));
            // the field and rule a partner fixes: this id stands for what was first accepted under it
            case CONFLICT -> throw new ProblemException(Problem.of(409, "conflict", "Conflict", handled.detail())
                    .withErrors(List.of(new Violation("eventId", handled.detail()))));
            default -> Response.status(handled.result().status).entity(handled.receipt())
                    .location(java.net.URI.create("/api/connectors/receipts/" + handled.receipt().receiptId())).build();
        };
    }
}
