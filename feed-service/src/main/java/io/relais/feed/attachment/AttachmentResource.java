package io.relais.feed.attachment;

import io.relais.feed.community.MembershipService;
import io.relais.feed.sanitize.InputLimits;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;

@Path("/api/attachments")
@Tag(name = "attachments", description = "Files attached to posts (images, PDF)")
public class AttachmentResource {

    @Inject
    AttachmentService attachments;

    @Inject
    MembershipService memberships;

    @Inject
    CurrentPerson me;

    @Inject
    InputLimits limits;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "Upload a file (form field 'file'): PNG, JPEG, GIF, WebP or PDF, checked on its bytes (415); size limited (413); every refusal names 'file' in errors")
    @APIResponse(responseCode = "201", content = @Content(examples = @ExampleObject(name = "upload", value =
            "{\"id\":\"019a8f40-1c2d-7a3b-8c4d-5e6f7a8b9c0d\",\"name\":\"plan.pdf\",\"mediaType\":\"application/pdf\",\"size\":48213,"
                    + "\"url\":\"/api/attachments/019a8f40-1c2d-7a3b-8c4d-5e6f7a8b9c0d\"}")))
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null) throw ProblemException.invalid("file", "is required (multipart form field 'file')");
        try {
            // checked on the stored upload before its bytes are read into memory
            if (Files.size(file.uploadedFile()) > attachmentsLimit()) throw AttachmentService.tooLarge(attachmentsLimit());
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            AttachmentService.Upload up = attachments.upload(io.relais.events.TextHygiene.line(file.fileName()), file.contentType(), bytes, me.iri());
            return Response.created(URI.create(up.url())).type(MediaType.APPLICATION_JSON).entity(up).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.EMPLOYEE, Roles.ADMIN})
    @Operation(summary = "Download a file: its uploader, or anyone who may see a post that uses it (404 otherwise)")
    public Response download(@PathParam("id") String id) {
        AttachmentService.Download d = attachments.download(id, memberships.viewerOf(me));
        return Response.ok(d.bytes(), d.type().mediaType)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", (d.type().inline() ? "inline" : "attachment") + "; filename=\""
                        + d.name().replaceAll("[^\\w. -]", "_") + "\"")
                .build();
    }

    private long attachmentsLimit() {
        return limits.attachmentBytes();
    }
}
