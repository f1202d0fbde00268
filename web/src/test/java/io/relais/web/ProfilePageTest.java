package io.relais.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.relais.web.layout.Viewer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A colleague's profile says whether I follow them, and the same button undoes it. */
@QuarkusTest
class ProfilePageTest {

    static final Viewer ALICE = new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false);

    @Inject
    Engine engine;

    @Inject
    ObjectMapper json;

    @Test
    void aPersonIFollowShowsTheStateAndOffersToUnfollow() throws Exception {
        String html = render(true, Locale.ENGLISH);

        assertThat(html).contains("id=\"follow-state\">Following ✓</span>", "name=\"following\" value=\"true\"",
                "id=\"follow-button\">Unfollow</button>");
    }

    @Test
    void aPersonIDoNotFollowOffersToFollow() throws Exception {
        String html = render(false, Locale.FRENCH);

        assertThat(html).contains("name=\"following\" value=\"false\"", "id=\"follow-button\">Suivre</button>")
                .doesNotContain("follow-state");
    }

    private String render(boolean following, Locale locale) throws Exception {
        return engine.getTemplate("people/profile.html").instance().setLocale(locale)
                .data("me", ALICE).data("lang", locale.getLanguage()).data("nav", "people").data("csrf", "t")
                .data("person", json.readTree("{\"login\":\"bob\",\"displayName\":\"Bob Durand\",\"skills\":[]}"))
                .data("mine", false)
                .data("follow", io.relais.web.layout.FollowButton.Form.onPage("/people/bob/follow", following, false)).render();
    }
}
