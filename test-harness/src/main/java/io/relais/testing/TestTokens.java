package io.relais.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

/**
 * Tokens shaped like Keycloak's (realm roles in {@code realm_access.roles}, login in
 * {@code preferred_username}, client in {@code azp}), signed with the harness key whose public half
 * quarkus-oidc is given in tests: authentication and authorisation are checked for real.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/relais";
    public static final String AUDIENCE = "relais-api";

    private static PrivateKey privateKey;

    private TestTokens() {
    }

    /** A person's token from the web client, e.g. {@code user("alice", "employee")}; valid 5 minutes. */
    public static String user(String login, String... roles) {
        return user(login, 300, roles);
    }

    private static String user(String login, long seconds, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject("sub-" + login)
                .claim("preferred_username", login)
                .claim("name", Character.toUpperCase(login.charAt(0)) + login.substring(1) + " Test")
                .claim("email", login + "@relais.test")
                .claim("azp", "relais-web")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .audience(AUDIENCE)
                .expiresIn(seconds)
                .jws().keyId("relais-test")
                .sign(privateKey());
    }

    /** A business system's client-credentials token, e.g. {@code client("hr-connector", "connector")}. */
    public static String client(String clientId, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject("sub-" + clientId)
                .claim("preferred_username", "service-account-" + clientId)
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .audience(AUDIENCE)
                .expiresIn(300)
                .jws().keyId("relais-test")
                .sign(privateKey());
    }

    public static String employee(String login) {
        return user(login, "employee");
    }

    /** An employee's token that expires in {@code seconds} (a stream opened with it must end then). */
    public static String employeeExpiringIn(String login, long seconds) {
        return user(login, seconds, "employee");
    }

    /** The public key, base64 DER, as {@code quarkus.oidc.public-key} wants it. */
    public static String publicKeyBase64() {
        String pem = resource("relais-test-keys/public.pem");
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static synchronized PrivateKey privateKey() {
        if (privateKey == null) {
            try {
                privateKey = KeyUtils.decodePrivateKey(resource("relais-test-keys/private.pem"));
            } catch (Exception e) {
                throw new IllegalStateException("test signing key unreadable", e);
            }
        }
        return privateKey;
    }

    private static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
