package io.relais.search.query;

import io.relais.events.Iri;
import io.relais.search.index.ItemType;
import io.relais.search.index.PlainText;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card names the person it is attributed to by login where its system's template wrote one (connector-service's
 * mappings write {@code {{data.owner}}} or {@code {{data.login}}} into a title or summary: "New document published by
 * alice: …"), while the feed shows that card with the person's display name (the web composes it from the card's data
 * and author, {@code BusinessCards}). So a card's hit shows that login as the person's display name, in its title and
 * snippet: the name search already gives the answer's {@code labels} (the person's own document, from
 * {@code relais.profiles}, the owner of names), read at search time, so a rename shows without re-indexing.
 * <p>
 * Only the login of the person the card is attributed to, as a whole login (not part of a longer word, login or
 * e-mail address, nor an {@code @mention}), and only on cards: a post's text is its author's own words. The indexed
 * text is left as the system sent it, so the card is still found by the login.
 */
final class OwnerNames {

    private OwnerNames() {
    }

    /** The hit with its card owner's login shown as their display name ({@code labels}: IRI → name); else as it is. */
    static SearchPage.Hit named(SearchPage.Hit hit, Map<String, String> labels) {
        boolean card = ItemType.EVENT.key().equals(hit.type()) || ItemType.DOCUMENT.key().equals(hit.type());
        if (!card || hit.author() == null || !Iri.isKind(hit.author(), Iri.PERSON)) return hit;
        String name = labels.get(hit.author());
        String login = Iri.localId(hit.author());
        if (name == null || name.isBlank() || name.strip().equalsIgnoreCase(login)) return hit;
        Pattern written = written(login);
        String title = hit.title() == null ? null
                : written.matcher(hit.title()).replaceAll(Matcher.quoteReplacement(name.strip()));
        // the snippet is HTML: the name is text, escaped like the rest of it
        String snippet = hit.snippet() == null ? null
                : written.matcher(hit.snippet()).replaceAll(Matcher.quoteReplacement(PlainText.escapeHtml(name.strip())));
        return new SearchPage.Hit(hit.id(), hit.type(), title, snippet, hit.author(), hit.community(), hit.source(),
                hit.published(), hit.url(), hit.context());
    }

    /**
     * The login as a whole in text, any case: not preceded by a login character or an {@code @} (so not inside an
     * e-mail address or a mention), not followed by one, nor by a dot that goes on with a letter or digit.
     */
    static Pattern written(String login) {
        return Pattern.compile("(?<![\\p{L}\\p{N}._@+-])" + Pattern.quote(login) + "(?![\\p{L}\\p{N}_@+-]|\\.[\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
