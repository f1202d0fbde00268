package io.relais.web.forgery;

import io.quarkus.security.identity.SecurityIdentity;
import io.relais.web.WebConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The synchronizer token of the current login session (OWASP's HMAC-based token pattern): an HMAC-SHA256, under
 * the server's secret ({@code relais.web.forgery-secret}), of the Keycloak session id ({@code sid} of the ID token)
 * and the person's login. The session lives in an encrypted cookie, not on the server, so the token is derived
 * rather than stored: the same for every page of one session, different in the next one, and impossible to
 * compute without the secret — unlike a double-submit cookie, a sibling site that can set cookies cannot forge it.
 * Every page carries it as a hidden field {@code _csrf} in its forms and as the htmx header {@code X-CSRF-Token}.
 */
@RequestScoped
public class SessionToken {

    /** The form field a plain (non-htmx) form sends the token in. */
    public static final String FIELD = "_csrf";
    /** The header htmx requests send the token in (from {@code hx-headers} on the page's body). */
    public static final String HEADER = "X-CSRF-Token";

    @Inject
    SecurityIdentity identity;

    @Inject
    WebConfig config;

    /** The token for this session; empty for an anonymous visitor (who may not change anything anyway). */
    public String value() {
        if (identity.isAnonymous()) {
            return "";
        }
        return hmac(config.forgerySecret(), identity.getPrincipal().getName() + "\n" + sessionId());
    }

    /** Whether the token a request carried is this session's (constant-time comparison). */
    public boolean matches(String presented) {
        String expected = value();
        return presented != null && !expected.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String sessionId() {
        // after an OIDC login the principal is the ID token itself (the test login has none)
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object sid = token.getClaim("sid");
            // Keycloak always sends sid; without it, the login time (kept across token refreshes) separates sessions
            return sid != null ? sid.toString() : String.valueOf((Object) token.getClaim("auth_time"));
        }
        return "";
    }

    static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
