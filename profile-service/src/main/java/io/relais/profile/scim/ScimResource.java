package io.relais.profile.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.ForbiddenException;
import io.relais.events.Iri;
import io.relais.events.JsonSyntax;
import io.relais.events.Violation;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.profile.governance.Erasures;
import io.relais.profile.person.HrUpdate;
import io.relais.profile.person.Logins;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.ProfileField;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SCIM 2.0 provisioning of Users (RFC 7643/7644) for identity providers and HR systems: the login is
 * the {@code userName} and the resource {@code id}. Only HR-owned fields are provisioned; what people
 * write about themselves is never touched. {@code active: false} marks the person as left; DELETE erases.
 */
@Path("/scim/v2")
@Tag(name = "SCIM", description = "SCIM 2.0 user provisioning (roles provisioning or admin)")
@Produces({ScimResource.SCIM_JSON, "application/json"})
public class ScimResource {

    public static final String SCIM_JSON = "application/scim+json";
    static final int MAX_COUNT = 200;
    private static final Pattern USERNAME_EQ = Pattern.compile("(?i)\\s*userName\\s+eq\\s+\"([^\"]*)\"\\s*");

    @Inject
    PersonService people;

    @Inject
    PersonRepository repository;

    @Inject
    Erasures erasures;

    @Inject
    CurrentPerson me;

    @Context
    UriInfo uri;

    @GET
    @Path("/Users")
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "List users; supports filter=userName eq \"login\", startIndex (from 1) and count")
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndexText,
                         @QueryParam("count") String countText) {
        // read as text: a JAX-RS conversion failure of a query parameter answers 404, SCIM wants 400 invalidValue
        BigInteger startIndex = integer("startIndex", startIndexText, " between 1 and " + Integer.MAX_VALUE);
        BigInteger count = integer("count", countText, "");
        // below 1 reads as 1, a negative count as 0 (RFC 7644 §3.4.2.4); a count above MAX_COUNT is answered with fewer
        if (startIndex != null && startIndex.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw ScimException.invalidValue("startIndex must be an integer between 1 and " + Integer.MAX_VALUE);
        }
        int start = startIndex == null || startIndex.signum() < 1 ? 1 : startIndex.intValue();
        int size = count == null ? 100 : count.max(BigInteger.ZERO).min(BigInteger.valueOf(MAX_COUNT)).intValue();
        List<Person> page;
        long total;
        if (filter != null && !filter.isBlank()) {
            Matcher m = USERNAME_EQ.matcher(filter);
            if (!m.matches()) {
                throw new ScimException(400, "invalidFilter", "only filter=userName eq \"<login>\" is supported");
            }
            List<Person> found = people.find(m.group(1)).stream().toList();
            total = found.size();
            page = found.stream().skip(start - 1L).limit(size).toList();
        } else {
            total = repository.count();
            page = size == 0 ? List.of() : repository.page(start - 1, size);
        }
        ObjectNode body = ScimUsers.json().createObjectNode();
        body.putArray("schemas").add(ScimUsers.LIST_RESPONSE);
        body.put("totalResults", total);
        body.put("startIndex", start);
        body.put("itemsPerPage", page.size());
        ArrayNode resources = body.putArray("Resources");
        page.forEach(p -> resources.add(ScimUsers.toScim(p, location(p.login))));
        return scim(200, body);
    }

    /**
     * A paging parameter (RFC 7644 §3.4.2.4: integers, of any size: the caller bounds it); absent → null; anything
     * else → 400 invalidValue naming it, {@code range} appended to the rule.
     */
    private static BigInteger integer(String name, String text, String range) {
        if (text == null || text.isBlank()) return null;
        String digits = text.strip();
        if (digits.length() > 40) throw ScimException.invalidValue(name + " must be an integer" + range);
        try {
            return new BigInteger(digits);
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer" + range);
        }
    }

    @GET
    @Path("/Users/{id}")
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "One user")
    public Response get(@PathParam("id") String id) {
        return scim(200, ScimUsers.toScim(find(id), location(Logins.normalise(id))));
    }

    @POST
    @Path("/Users")
    @Consumes({SCIM_JSON, "application/json"})
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "Provision a user (409 uniqueness if already provisioned); active when active is omitted")
    public Response create(String body) {
        ScimUsers.ScimUser user = ScimUsers.fromScim(parse(body));
        if (user.userName() == null || !Logins.isValid(user.userName())) {
            throw ScimException.invalidValue("userName is required and " + Logins.whyNot(user.userName()));
        }
        String login = Logins.normalise(user.userName());
        Optional<Person> existing = people.find(login);
        // a profile started by a first login (no HR field set yet) is adopted, not a conflict; one only HR moves or
        // leaves started is nobody yet (not found), and provisioning completes it
        if (existing.isPresent() && (existing.get().externalId != null || !existing.get().fieldTimes.isEmpty())) {
            throw new ScimException(409, "uniqueness", "a User with userName " + login + " already exists");
        }
        if (!user.hrValues().containsKey(ProfileField.STATUS)) user.hrValues().put(ProfileField.STATUS, Person.ACTIVE);
        Person p = store(login, user, true);
        return Response.status(201).type(SCIM_JSON).location(URI.create(location(login)))
                .entity(write(ScimUsers.toScim(p, location(login)))).build();
    }

    @PUT
    @Path("/Users/{id}")
    @Consumes({SCIM_JSON, "application/json"})
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "Replace a user's provisioned attributes",
            description = "An omitted or null active keeps the status: a person who left comes back only with active: true.")
    public Response replace(@PathParam("id") String id, String body) {
        Person current = find(id);
        ScimUsers.ScimUser user = ScimUsers.fromScim(parse(body));
        if (user.userName() != null && !Logins.normalise(user.userName()).equals(current.login)) {
            throw new ScimException(400, "mutability", "userName is the login and cannot change");
        }
        Person p = store(current.login, user, false);
        return scim(200, ScimUsers.toScim(p, location(p.login)));
    }

    @PATCH
    @Path("/Users/{id}")
    @Consumes({SCIM_JSON, "application/json"})
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "Change some attributes (PatchOp: add, replace, remove)")
    public Response patch(@PathParam("id") String id, String body) {
        Person current = find(id);
        ObjectNode resource = ScimUsers.toScim(current, location(current.login));
        ScimUsers.patch(resource, parse(body));
        ScimUsers.ScimUser user = ScimUsers.fromScim(resource);
        if (user.userName() == null || !Logins.normalise(user.userName()).equals(current.login)) {
            throw new ScimException(400, "mutability", "userName is the login and cannot change");
        }
        Person p = store(current.login, user, false);
        return scim(200, ScimUsers.toScim(p, location(p.login)));
    }

    @DELETE
    @Path("/Users/{id}")
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "Erase a user: the profile is deleted and the Delete of the person published on relais.profiles")
    public Response delete(@PathParam("id") String id) {
        String login = Logins.normalise(id);
        if (people.find(login).isEmpty()) throw ScimException.notFound(id);
        // the same erasure as an administrator's: the reports lose their manager, the endorsements go, a record proves it
        erasures.erase(login, actor());
        return Response.noContent().build();
    }

    @GET
    @Path("/ServiceProviderConfig")
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "What this SCIM service supports")
    public Response serviceProviderConfig() {
        ObjectNode c = ScimUsers.json().createObjectNode();
        c.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        c.putObject("patch").put("supported", true);
        c.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        c.putObject("filter").put("supported", true).put("maxResults", MAX_COUNT);
        c.putObject("changePassword").put("supported", false);
        c.putObject("sort").put("supported", false);
        c.putObject("etag").put("supported", false);
        c.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("name", "OAuth Bearer Token")
                .put("description", "A Keycloak access token with the provisioning or admin role");
        c.putObject("meta").put("resourceType", "ServiceProviderConfig");
        return scim(200, c);
    }

    @GET
    @Path("/Schemas")
    @RolesAllowed({Provisioning.ROLE, Roles.ADMIN})
    @Operation(summary = "The schemas of provisioned attributes")
    public Response schemas() {
        ObjectNode body = ScimUsers.json().createObjectNode();
        body.putArray("schemas").add(ScimUsers.LIST_RESPONSE);
        ArrayNode resources = body.putArray("Resources");
        ObjectNode core = resources.addObject().put("id", ScimUsers.CORE).put("name", "User");
        ArrayNode coreAttrs = core.putArray("attributes");
        attribute(coreAttrs, "userName", "string", true, "The login; also the resource id");
        attribute(coreAttrs, "externalId", "string", false, "The identifier in the provisioning system");
        attribute(coreAttrs, "displayName", "string", false, "The name shown to colleagues");
        attribute(coreAttrs, "name", "complex", false, "formatted, or givenName and familyName");
        attribute(coreAttrs, "title", "string", false, "Job title");
        attribute(coreAttrs, "emails", "complex", false, "The primary (else first) value is the e-mail");
        attribute(coreAttrs, "addresses", "complex", false, "The primary (else first) locality is the office");
        attribute(coreAttrs, "active", "boolean", false, "false marks the person as having left; omitted or null keeps the status (a new user is active)");
        ObjectNode ext = resources.addObject().put("id", ScimUsers.ENTERPRISE).put("name", "EnterpriseUser");
        ArrayNode extAttrs = ext.putArray("attributes");
        attribute(extAttrs, "department", "string", false, "Department");
        attribute(extAttrs, "manager", "complex", false, "value = the manager's userName");
        body.put("totalResults", 2);
        return scim(200, body);
    }

    // --- errors leave in SCIM's format on every SCIM endpoint ---

    @ServerExceptionMapper
    public Response scimError(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        String detail = e.problem().errors() == null || e.problem().errors().isEmpty() ? e.problem().detail()
                : e.problem().errors().stream().map(v -> scimName(v.field()) + " " + v.message()).collect(Collectors.joining("; "));
        int status = e.problem().status();
        // RFC 7644 §3.12: a value another resource holds (a person's e-mail address) is "uniqueness"
        String scimType = status == 400 ? "invalidValue"
                : status == 409 && e.problem().errors() != null && !e.problem().errors().isEmpty() ? "uniqueness" : null;
        return error(status, scimType, detail);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, null, "SCIM provisioning needs the provisioning role (the HR system) or admin");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return error(status, status == 400 ? "invalidSyntax" : null, e.getMessage());
    }

    private static Response error(int status, String scimType, String detail) {
        ObjectNode body = ScimUsers.json().createObjectNode();
        body.putArray("schemas").add(ScimUsers.ERROR);
        body.put("status", Integer.toString(status));
        if (scimType != null) body.put("scimType", scimType);
        body.put("detail", detail);
        return Response.status(status).type(SCIM_JSON).entity(write(body)).build();
    }

    // --- helpers ---

    private Person store(String login, ScimUsers.ScimUser user, boolean create) {
        List<Violation> violations = HrUpdate.validate(user.hrValues());
        if (!violations.isEmpty()) {
            throw ScimException.invalidValue(violations.stream().map(v -> scimName(v.field()) + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        HrUpdate update = new HrUpdate(user.hrValues(), Instant.now());
        return people.change(login, create, actor(), p -> {
            // provisioning makes a person of a profile only HR moves or leaves started (it was nobody: not found above)
            if (create) p.pending = false;
            update.applyTo(p);
            if (user.externalId() != null) p.externalId = user.externalId();
        });
    }

    private static String scimName(String field) {
        return Map.of(ProfileField.MANAGER.json(), ScimUsers.ENTERPRISE + ":manager",
                ProfileField.DEPARTMENT.json(), ScimUsers.ENTERPRISE + ":department",
                ProfileField.EMAIL.json(), "emails", ProfileField.LOCATION.json(), "addresses",
                ProfileField.STATUS.json(), "active").getOrDefault(field, field);
    }

    /** Who changed the profile, as the snapshot's actor: the provisioning client, or the administrator. */
    private String actor() {
        if (me.hasRole(Provisioning.ROLE)) {
            String client = me.clientId().orElse("scim");
            return Iri.isValid(Iri.PREFIX + Iri.SOURCE + ":" + client) ? Iri.of(Iri.SOURCE, client) : Iri.of(Iri.SOURCE, "scim");
        }
        return me.iri();
    }

    private Person find(String id) {
        return people.find(id).orElseThrow(() -> ScimException.notFound(id));
    }

    private String location(String login) {
        return uri.getBaseUriBuilder().path("scim/v2/Users").path(login).build().toString();
    }

    /** Longest SCIM User body accepted, in characters: a user is a few hundred bytes; more is refused before parsing. */
    static final int MAX_USER_BODY = 64 * 1024;

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) throw new ScimException(400, "invalidSyntax", "the body is empty");
        if (body.length() > MAX_USER_BODY) {
            throw new ScimException(413, null, "a SCIM request body is at most " + MAX_USER_BODY / 1024 + " KiB");
        }
        try {
            return ScimUsers.json().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ScimException(400, "invalidSyntax", JsonSyntax.duplicateField(e)
                    .map(field -> field + " is given twice: each attribute may appear once in an object")
                    .orElseGet(() -> "the body is not valid JSON: " + JsonSyntax.describe(e)));
        }
    }

    private static void attribute(ArrayNode attrs, String name, String type, boolean required, String description) {
        attrs.addObject().put("name", name).put("type", type).put("required", required)
                .put("mutability", name.equals("userName") ? "immutable" : "readWrite").put("description", description)
                .put("caseExact", false).put("multiValued", name.equals("emails") || name.equals("addresses"));
    }

    private static Response scim(int status, JsonNode body) {
        return Response.status(status).type(SCIM_JSON).entity(write(body)).build();
    }

    private static String write(JsonNode body) {
        try {
            return ScimUsers.json().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
