package io.relais.web.layout;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The header's Log out is a form carrying the session's token once. */
@QuarkusTest
class LogoutFormTest {

    @Inject
    Engine engine;

    @Test
    void theLogoutFormCarriesTheTokenOnce() {
        String html = engine.getTemplate("error.html").instance().setLocale(Locale.ENGLISH)
                .data("me", new Viewer(true, "alice", "urn:relais:person:alice", "Alice Martin", false, false))
                .data("lang", "en").data("csrf", "tok3n").data("nav", "").data("message", "x").render();

        Matcher form = Pattern.compile("(?s)<form method=\"post\" action=\"/logout\".*?</form>").matcher(html);
        assertThat(form.find()).isTrue();
        assertThat(form.group().split("name=\"_csrf\"", -1)).as("one _csrf input").hasSize(2);
        assertThat(form.group()).contains("<input type=\"hidden\" name=\"_csrf\" value=\"tok3n\">", "Log out");
    }
}
