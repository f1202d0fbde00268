package io.relais.profile.photo;

import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import io.relais.profile.ProfileConfig;
import io.relais.profile.person.Logins;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.PersonView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

@Path("/api/people")
@Tag(name = "people")
public class PhotoResource {

    @Inject
    PersonService people;

    @Inject
    PhotoStore photos;

    @Inject
    CurrentPerson me;

    @Inject
    ProfileConfig config;

    @PUT
    @Path("/me/photo")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Upload your photo: the raw JPEG, PNG or GIF bytes as the body (2 MiB, 4096×4096 pixels at most)",
            description = "The declared Content-Type must be an image type (image/jpeg, image/png or image/gif) and match the type "
                    + "recognised from the bytes themselves; the image "
                    + "is decoded and encoded again (JPEG stays JPEG, PNG and GIF become PNG), and only the re-encoded bytes "
                    + "are stored and served. Refused before anything is stored: an empty body (400); declared as no image "
                    + "type (text, JSON, application/octet-stream, none), not a JPEG, PNG or GIF, WebP, or declared as "
                    + "another image type (415); larger than the byte limit (413); wider or taller than the pixel limit, read "
                    + "from the header before decoding, or not decodable (422). Every refusal names photo.")
    @APIResponse(responseCode = "400", description = "an empty body (names photo)")
    @APIResponse(responseCode = "415", description = "not declared as an image type, not a JPEG, PNG or GIF image, or its bytes are not the declared type")
    @APIResponse(responseCode = "422", description = "above the pixel limit, or does not decode as an image of its type")
    public PersonView upload(InputStream body, @HeaderParam("Content-Length") Long declaredLength,
                             @HeaderParam("Content-Type") String declaredType) {
        String login = Logins.signedIn(me.login()); // before anything is read
        PhotoImage.requireImageType(declaredType); // a body declared as text or JSON is not read at all
        int max = config.photo().maxBytes();
        if (declaredLength != null && declaredLength > max) {
            throw tooLarge(max);
        }
        byte[] bytes = readAtMost(body, max + 1);
        if (bytes.length > max) throw tooLarge(max);
        if (bytes.length == 0) throw ProblemException.invalid("photo", "is empty: send the image bytes as the body");
        PhotoImage image = PhotoImage.of(bytes, declaredType, config.photo().maxDimension());
        Person before = people.findOrCreateMinimal(login, me.displayName().orElse(login), me.email().orElse(null));
        String id = photos.store(login, image.mediaType(), image.bytes());
        Person after = people.change(login, false, me.iri(),
                p -> p.photo = new Person.PhotoRef(id, image.mediaType(), image.bytes().length));
        if (before.photo != null && !before.photo.id().equals(id)) {
            photos.delete(before.photo.id());
        }
        return PersonView.of(after, null);
    }

    /**
     * What a browser may do with a photo: keep it, but ask again before each use ({@code no-cache}), so a changed
     * photo or an erased person's is never shown from a copy; the ask is cheap, a 304 without the bytes while the
     * photo's id (the ETag) is unchanged. {@code private}: it is served only with a bearer token, never to a shared cache.
     */
    static final String CACHE_CONTROL = "private, no-cache";

    @GET
    @Path("/{login}/photo")
    @Produces({"image/jpeg", "image/png", "image/webp", "image/gif", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "A person's photo (never larger than the upload limit); 404 when they have none or were erased",
            description = "Cache-Control: private, no-cache, ETag = the photo's id: a request with If-None-Match naming the "
                    + "current photo answers 304; the profile is read first, so an erased person's photo is 404 even then.")
    public Response photo(@PathParam("login") String login, @Context Request request) {
        Person p = people.require(login);
        if (p.photo == null) throw ProblemException.notFound("photo of " + login);
        EntityTag etag = new EntityTag(p.photo.id());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(etag);
        if (unchanged != null) {
            return unchanged.header("Cache-Control", CACHE_CONTROL).header("X-Content-Type-Options", "nosniff").build();
        }
        PhotoStore.StoredPhoto photo = photos.load(p.photo.id())
                .orElseThrow(() -> ProblemException.notFound("photo of " + login));
        return Response.ok(photo.bytes(), photo.contentType())
                .header("Cache-Control", CACHE_CONTROL)
                .tag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** 413 naming {@code photo}, as every other refusal of an upload does ({@link PhotoImage}). */
    private static ProblemException tooLarge(int max) {
        return new ProblemException(io.relais.kit.error.Problem.of(413, "too-large", "Payload too large",
                        "a photo may be at most " + max + " bytes; send a smaller image")
                .withErrors(java.util.List.of(new io.relais.events.Violation("photo", "must be at most " + max + " bytes"))));
    }

    private static byte[] readAtMost(InputStream in, int limit) {
        try (in) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
