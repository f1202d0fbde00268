package io.relais.web.layout;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Locale;

/**
 * Starts every page and fragment: the viewer and the UI language (French or English, the first of the
 * two the browser asks for in Accept-Language).
 */
@RequestScoped
public class Pages {

    static final Locale FRENCH = Locale.FRENCH;
    static final Locale ENGLISH = Locale.ENGLISH;

    @Inject
    HttpHeaders headers;

    @Inject
    Me me;

    @Inject
    io.relais.web.forgery.SessionToken sessionToken;

    @Inject
    io.quarkus.qute.Engine engine;

    /** A template by its path under templates/, for fragments shared between pages. */
    public Template template(String path) {
        return engine.getTemplate(path);
    }

    public TemplateInstance of(Template template) {
        Locale locale = locale();
        return template.instance()
                .setLocale(locale)
                .data("me", me.view())
                .data("lang", locale.getLanguage())
                .data("csrf", sessionToken.value());
    }

    /** The UI's words in the reader's language (an injected {@code Msg} speaks the default language only). */
    public Msg msg() {
        return io.quarkus.qute.i18n.MessageBundles.get(Msg.class, io.quarkus.qute.i18n.Localized.Literal.of(locale().getLanguage()));
    }

    /** The empty states' words in the reader's language. */
    public EmptyStateMsg empty() {
        return io.quarkus.qute.i18n.MessageBundles.get(EmptyStateMsg.class, io.quarkus.qute.i18n.Localized.Literal.of(locale().getLanguage()));
    }

    /** The reader's language: the first of French and English the browser asks for, else English ({@code ReaderLanguage}). */
    public Locale locale() {
        try {
            return io.relais.web.services.ReaderLanguage.of(headers.getAcceptableLanguages());
        } catch (RuntimeException malformedHeader) {
            // a broken Accept-Language is not worth an error page
            return ENGLISH;
        }
    }
}
