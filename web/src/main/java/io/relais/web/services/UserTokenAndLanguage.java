package io.relais.web.services;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * What {@link UserToken} sends, plus the page's language as {@code Accept-Language} ({@code fr} or {@code en}, the
 * web app's own choice, {@link ReaderLanguage}, as the pages speak it): search-service writes a hit's title and snippet, and a card's text,
 * in that language (its README, "reader's language"). The browser's own header is not passed on: the page and its
 * hits must speak the same language.
 */
@ApplicationScoped
public class UserTokenAndLanguage implements ClientHeadersFactory {

    @Inject
    UserToken token;

    @Inject
    HttpHeaders page;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = token.update(incoming, outgoing);
        try {
            headers.putSingle("Accept-Language", ReaderLanguage.of(page.getAcceptableLanguages()).getLanguage());
        } catch (ContextNotActiveException noPageRequest) {
            // a call outside a page request has no reader: search-service answers in its default language
        } catch (RuntimeException malformedHeader) {
            headers.putSingle("Accept-Language", "en"); // the pages speak English then (Pages#locale)
        }
        return headers;
    }
}
