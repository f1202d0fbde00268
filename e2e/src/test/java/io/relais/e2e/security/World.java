package io.relais.e2e.security;

import io.relais.events.Iri;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * The objects the security suite points its requests at, made through the public APIs as people would
 * make them, and only when first asked for (so a throw-away world for a destructive request costs only
 * what that request needs).
 *
 * <p>Per visibility ({@code public}, {@code private}, {@code secret}) a community owned by karima, with
 * dave as moderator, emma as member and farid as a former member (imported, then left); in it a post by
 * emma carrying a unique marker word, a hashtag, a mention of hugo (who is not a member) and an
 * attachment, a comment by dave mentioning emma, and dave's reaction. Fixture names ({@code @post},
 * {@code @slug}…) are what {@code authorization-matrix.csv} binds path parameters and bodies to.
 */
final class World {

    static final String OWNER = Principal.OWNER.login;
    static final String MODERATOR = Principal.MODERATOR.login;
    static final String MEMBER = Principal.MEMBER.login;
    static final String FORMER = Principal.NON_MEMBER.login;
    /** Asks to join private communities (pending request); not one of the matrix's principals. */
    static final String REQUESTER = "gaelle";
    /** Invited to communities (pending invitation) where a row needs one. */
    static final String INVITEE = Principal.EMPLOYEE.login;

    /** The smallest valid PNG (1×1 transparent pixel): attachments and photos are checked on their bytes. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static volatile boolean accountsReady;

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final boolean invite;

    private World(boolean invite) {
        this.invite = invite;
    }

    /** A world whose communities are created on first use. */
    static World create() {
        ensureAccounts();
        return new World(false);
    }

    /** A world where {@link #INVITEE} holds a pending invitation to each community (rows about accepting one). */
    static World withInvitations() {
        ensureAccounts();
        return new World(true);
    }

    /** Keycloak accounts for the demo people the suite signs in as (their profiles come from the HR seed). */
    static synchronized void ensureAccounts() {
        if (accountsReady) return;
        Stack.ensureEmployeeAccount("dave", "Dave", "Nguyen");
        Stack.ensureEmployeeAccount("emma", "Emma", "Rossi");
        Stack.ensureEmployeeAccount("farid", "Farid", "Haddad");
        Stack.ensureEmployeeAccount("hugo", "Hugo", "Lambert");
        Stack.ensureEmployeeAccount("karima", "Karima", "Diallo");
        Stack.ensureEmployeeAccount("gaelle", "Gaëlle", "Moreau");
        accountsReady = true;
    }

    /** The marker word in every text of community {@code visibility} (unique per world, searchable). */
    String marker(String visibility) {
        return "zq" + visibility.substring(0, 3) + run;
    }

    String slug(String visibility) {
        return value(visibility, "slug");
    }

    /**
     * A fixture's value: {@code slug}, {@code post}, {@code post-iri}, {@code comment}, {@code attachment},
     * {@code activity}, {@code notification}, {@code tag}, {@code marker}, {@code member}, {@code moderator},
     * {@code owner}, {@code requester}, {@code unique}, {@code announcement}, {@code scim-user},
     * {@code registration}, {@code skill}; community fixtures need {@code visibility} (public, private, secret).
     */
    String value(String visibility, String name) {
        String v = visibility == null || visibility.equals("-") ? "public" : visibility;
        return switch (name) {
            case "member" -> MEMBER;
            case "moderator" -> MODERATOR;
            case "owner" -> OWNER;
            case "former" -> FORMER;
            case "requester" -> { community(v); yield REQUESTER; }
            case "invitee" -> INVITEE;
            case "marker" -> marker(v);
            case "tag" -> marker(v) + "tag";
            case "skill" -> "Securite" + run;
            case "unique" -> "e2e" + run + UUID.randomUUID().toString().substring(0, 6);
            case "slug" -> community(v);
            case "post" -> Iri.localId(memo(v + ":post-iri", () -> post(v)));
            case "post-iri" -> memo(v + ":post-iri", () -> post(v));
            case "comment" -> memo(v + ":comment", () -> comment(v));
            case "attachment" -> { value(v, "post"); yield values.get(v + ":attachment"); }
            case "activity" -> memo(v + ":activity", () -> Activities.createOf(value(v, "post-iri")));
            case "notification" -> memo(v + ":notification", () -> notificationOf(MEMBER, value(v, "comment")));
            case "announcement" -> memo("announcement", this::announcement);
            case "scim-user" -> memo("scim-user", this::scimUser);
            case "registration" -> memo("registration", this::registration);
            default -> throw new IllegalArgumentException("no fixture named @" + name);
        };
    }

    private String memo(String key, Supplier<String> make) {
        String v = values.get(key);
        if (v != null) return v;
        v = make.get();
        values.put(key, v);
        return v;
    }

    // ------------------------------------------------------------------ communities

    private String community(String visibility) {
        return memo(visibility + ":slug", () -> {
            String slug = ("sec-" + visibility.substring(0, 3) + "-" + run).toLowerCase(Locale.ROOT);
            ok(Stack.as(OWNER).contentType("application/json")
                    .body(Map.of("slug", slug, "name", "Security " + visibility + " " + run,
                            "description", "Set up by the e2e security suite", "visibility", visibility))
                    .post(Stack.FEED + "/api/communities"), "create community " + slug);
            ok(Stack.as(OWNER).contentType("application/json").body(Map.of("logins", List.of(MODERATOR), "role", "moderator"))
                    .post(Stack.FEED + "/api/communities/" + slug + "/members"), "import moderator");
            ok(Stack.as(OWNER).contentType("application/json").body(Map.of("logins", List.of(MEMBER, FORMER)))
                    .post(Stack.FEED + "/api/communities/" + slug + "/members"), "import members");
            ok(Stack.as(FORMER).contentType("application/json").post(Stack.FEED + "/api/communities/" + slug + "/leave"), "former member leaves");
            if (visibility.equals("private")) {
                ok(Stack.as(REQUESTER).contentType("application/json").post(Stack.FEED + "/api/communities/" + slug + "/join"), "join request");
            }
            if (invite) {
                ok(Stack.as(OWNER).contentType("application/json").body(Map.of("login", INVITEE))
                        .post(Stack.FEED + "/api/communities/" + slug + "/invitations"), "invitation");
            }
            return slug;
        });
    }

    private String post(String visibility) {
        String slug = community(visibility);
        String attachment = Stack.as(MEMBER).multiPart("file", "plan-" + run + ".png", PNG, "image/png")
                .post(Stack.FEED + "/api/attachments").then().statusCode(201).extract().path("id");
        values.put(visibility + ":attachment", attachment);
        String content = "<p>" + marker(visibility) + " confidentiel #" + marker(visibility) + "tag #" + value(visibility, "skill")
                + " @" + INVITEE + "</p>";
        Response r = Stack.as(MEMBER).contentType("application/json")
                .body(Map.of("content", content, "audience", Map.of("community", slug), "attachments", List.of(attachment)))
                .post(Stack.FEED + "/api/posts");
        ok(r, "post in " + slug);
        String iri = r.path("id");
        ok(Stack.as(MODERATOR).contentType("application/json").body(Map.of("kind", "celebrate"))
                .put(Stack.FEED + "/api/posts/" + Iri.localId(iri) + "/reactions/mine"), "reaction");
        return iri;
    }

    private String comment(String visibility) {
        String post = value(visibility, "post");
        Response r = Stack.as(MODERATOR).contentType("application/json")
                .body(Map.of("content", "<p>" + marker(visibility) + " commentaire @" + MEMBER + "</p>"))
                .post(Stack.FEED + "/api/posts/" + post + "/comments");
        ok(r, "comment");
        return Iri.localId(r.path("id"));
    }

    /** The id of the notification {@code login} got about {@code commentLocalId} (a mention), once it arrives. */
    private static String notificationOf(String login, String commentLocalId) {
        Map<String, String> found = new HashMap<>();
        await().atMost(Stack.PROJECTION_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> items = Stack.as(login).get(Stack.FEED + "/api/notifications?limit=50")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> n : items) {
                if (String.valueOf(n.get("object")).contains(commentLocalId) || String.valueOf(n.get("detail")).contains(commentLocalId)) {
                    found.put("id", String.valueOf(n.get("id")));
                    return true;
                }
            }
            if (!items.isEmpty()) found.putIfAbsent("any", String.valueOf(items.get(0).get("id")));
            return false;
        });
        return Iri.localId(found.get("id"));
    }

    private String announcement() {
        Response r = Stack.as(Principal.COMMUNITY_MANAGER.login).contentType("application/json")
                .body(Map.of("content", "<p>Annonce e2e " + run + "</p>"))
                .post(Stack.FEED + "/api/announcements");
        if (r.statusCode() == 409) {
            // at most 20 announcements are active at once (earlier runs on this stack): any active one will do
            List<Map<String, Object>> active = Stack.as(Principal.COMMUNITY_MANAGER.login).get(Stack.FEED + "/api/announcements")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            if (!active.isEmpty()) return Iri.localId(String.valueOf(active.get(0).get("id")));
        }
        ok(r, "announcement");
        return Iri.localId(r.path("id"));
    }

    /** A throw-away person provisioned through SCIM by the admin (never a real colleague: rows erase it). */
    private String scimUser() {
        String userName = "scim" + run + UUID.randomUUID().toString().substring(0, 4);
        Response r = Stack.as(Principal.ADMIN.login).contentType("application/scim+json").body(Map.of(
                        "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                        "userName", userName, "active", true,
                        "name", Map.of("givenName", "Test", "familyName", "Scim"),
                        "displayName", "Test Scim " + run,
                        "emails", List.of(Map.of("value", userName + "@relais.example", "primary", true))))
                .post(Stack.PROFILE + "/scim/v2/Users");
        ok(r, "SCIM user");
        return r.path("id");
    }

    /** A throw-away connector registration made by the admin. */
    private String registration() {
        String clientId = "e2e-" + run + "-" + UUID.randomUUID().toString().substring(0, 4);
        ok(Stack.as(Principal.ADMIN.login).contentType("application/json")
                .body(Map.of("sources", List.of("generic"), "defaultAudience", "organisation", "system", "e2e", "systemName", "E2E"))
                .put(Stack.CONNECTOR + "/api/connectors/registrations/" + clientId), "registration");
        return clientId;
    }

    private static void ok(Response r, String what) {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("set-up step '" + what + "' answered " + r.statusCode() + ": " + r.asString());
        }
    }
}
