package io.relais.profile.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.relais.kit.error.ProblemException;
import io.relais.kit.identity.CurrentPerson;
import io.relais.profile.expertise.Endorsements;
import io.relais.profile.person.Logins;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonService;
import io.relais.profile.person.PersonView;
import io.relais.profile.photo.ImageType;
import io.relais.profile.photo.PhotoStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A person's data export (issue 15): a zip with {@code profile.json} (their profile as profile-service keeps it, the
 * endorsements they gave), their photo if they have one, and {@code content.json} (everything they wrote and did,
 * from feed-service, asked with the caller's token). Only the person and administrators export (403 otherwise).
 */
@ApplicationScoped
public class DataExport {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    PersonService people;

    @Inject
    Endorsements endorsements;

    @Inject
    PhotoStore photos;

    @Inject
    @RestClient
    FeedContent feed;

    /**
     * {@code profile.json}.
     *
     * @param profile            the profile as the API shows it
     * @param endorsementsGiven  the skills of colleagues this person endorsed
     * @param photo              the photo's file name inside the archive, or null
     */
    public record ProfileExport(Instant exportedAt, PersonView profile, List<Endorsements.Given> endorsementsGiven, String photo) {
    }

    /** What the archive holds, gathered before the first byte is streamed (so a failure is a clean problem+json). */
    public record Archive(String login, byte[] profileJson, String contentJson, String photoName, byte[] photo) {

        /** {@code relais-export-<login>-<yyyy-mm-dd>.zip} */
        public String fileName() {
            return "relais-export-" + login.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + java.time.LocalDate.now() + ".zip";
        }

        /** Writes the zip to {@code out}. */
        public void writeTo(OutputStream out) throws IOException {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                put(zip, "profile.json", profileJson);
                put(zip, "content.json", contentJson.getBytes(StandardCharsets.UTF_8));
                if (photo != null) put(zip, photoName, photo);
            }
        }

        private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
        }
    }

    /**
     * Gathers the export of {@code login} ("me" = the caller) for the caller.
     *
     * @throws ProblemException 403 when the caller is neither the person nor an admin, 404 for an unknown person,
     *                          503 when feed-service cannot answer
     */
    public Archive of(String login, CurrentPerson me) {
        boolean self = "me".equals(login) || Logins.normalise(login).equals(Logins.normalise(me.login()));
        if (!self && !me.isAdmin()) throw ProblemException.forbidden("only the person themself or an administrator exports their data");
        Person p = self ? people.findOrCreateMinimal(me.login(), me.displayName().orElse(me.login()), me.email().orElse(null))
                : people.require(login);
        String photoName = null;
        byte[] photo = null;
        if (p.photo != null) {
            var stored = photos.load(p.photo.id());
            if (stored.isPresent()) {
                photo = stored.get().bytes();
                photoName = "photo." + Arrays.stream(ImageType.values()).filter(t -> t.mediaType().equals(stored.get().contentType()))
                        .findFirst().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).orElse("bin");
            }
        }
        ProfileExport profile = new ProfileExport(Instant.now(), PersonView.of(p, null),
                endorsements.givenBy(p.login), photoName);
        try {
            return new Archive(p.login, JSON.writeValueAsBytes(profile), content(p.login, me), photoName, photo);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the profile export could not be written", e);
        }
    }

    String content(String login, CurrentPerson me) {
        try {
            return feed.content(login, "Bearer " + me.rawToken());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 403) throw ProblemException.forbidden("feed-service refused the content export");
            throw ProblemException.unavailable("feed-service answered " + status + " for the content export; try again", 30);
        } catch (ProcessingException e) {
            throw ProblemException.unavailable("feed-service cannot be reached for the content export; try again", 30);
        }
    }
}
