package io.relais.web.layout;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The token a page's element ids are made of for a post, card or reported item ({@code post-<token>},
 * {@code thread-<token>}, {@code report-slot-<token>}, {@code case-<token>}…): one per IRI, the same in every page and
 * fragment, and valid both as an HTML id and in a CSS id selector as htmx targets are written ({@code #thread-<token>}):
 * letters, digits, {@code -} and {@code _} only. Templates: {@code {fmt:domId(post.id)}}.
 *
 * <p>Not the IRI's last segment: a business system chooses it, so two cards of two systems
 * ({@code urn:relais:external:generic.sharepoint:n5}, {@code urn:relais:document:ecm.sharepoint:n5}) shared every id of
 * a page, and Report, Comment and the author line of one pointed into the other. A Relais post
 * ({@code urn:relais:post:<uuid>}) keeps its local id, as the app's URLs name it; any other IRI is written whole, each
 * character but {@code A-Z a-z 0-9 -} as {@code _} and two hex digits per UTF-8 byte
 * ({@code urn_3Arelais_3Adocument_3Aecm_2Esharepoint_3An5}). That writing is reversible, so two IRIs never share a
 * token, and it always holds a {@code _} (an IRI has a {@code :}), which a post's local id token never does.
 */
public final class ElementIds {

    private static final String POST = "urn:relais:post:";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9-]+");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ElementIds() {
    }

    /**
     * The token for an IRI, or for a post named as the app's URLs name it ({@code fmt:ref}: its local id, or another
     * item's IRI percent-encoded); "" for null or blank.
     */
    public static String of(String iriOrRef) {
        if (iriOrRef == null || iriOrRef.isBlank()) {
            return "";
        }
        String iri = iriOrRef;
        if (iri.indexOf(':') < 0 && iri.indexOf('%') >= 0) {
            iri = URLDecoder.decode(iri, StandardCharsets.UTF_8);
        }
        if (iri.indexOf(':') < 0) {
            iri = POST + iri;
        }
        if (iri.startsWith(POST) && PLAIN.matcher(iri.substring(POST.length())).matches()) {
            return iri.substring(POST.length());
        }
        StringBuilder token = new StringBuilder(iri.length() * 2);
        for (byte b : iri.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-')) {
                token.append(c);
            } else {
                token.append('_').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return token.toString();
    }
}
