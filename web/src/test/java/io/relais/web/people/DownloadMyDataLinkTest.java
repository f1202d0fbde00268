package io.relais.web.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.layout.Viewer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** My own profile page offers "Download my data" (the export through the web); a colleague's page does not. */
@QuarkusTest
class DownloadMyDataLinkTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void myProfileLinksToMyDataExportInEnglishAndFrench() throws Exception {
        assertThat(render(true, Locale.ENGLISH)).contains("href=\"/people/me/export\" id=\"download-my-data\" download>Download my data</a>");
        assertThat(render(true, Locale.FRENCH)).contains("id=\"download-my-data\" download>Télécharger mes données</a>");
    }

    @Test
    void aColleaguesProfileHasNoExportLink() throws Exception {
        assertThat(render(false, Locale.ENGLISH)).doesNotContain("download-my-data", "/people/me/export");
    }

    private String render(boolean mine, Locale locale) throws Exception {
        return engine.getTemplate("people/profile.html").instance().setLocale(locale)
                .data("me", ALICE).data("lang", locale.getLanguage()).data("nav", "profile").data("csrf", "t")
                .data("person", json.readTree("{\"login\":\"" + (mine ? "alice" : "bob") + "\",\"displayName\":\"X\",\"skills\":[]}"))
                .data("mine", mine).data("following", false).render();
    }
}
