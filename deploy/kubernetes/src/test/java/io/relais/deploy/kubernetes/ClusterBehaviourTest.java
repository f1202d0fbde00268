package io.relais.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people and operators meet once the rendered overlays run: logins and sessions through the ingress, the HR
 * system's SCIM calls, API clients' photo requests, link previews, every person of the organisation holding
 * {@code employee}, autoscaled replicas that {@code kubectl apply} leaves alone, disruption budgets, and JVMs that fit
 * their memory limit.
 * Each check stands for a defect a review of the manifests found (docs/DEPLOY.md says why each rule holds).
 */
class ClusterBehaviourTest {

    /** Addresses a link preview must never reach: private, carrier-grade NAT, link-local (cloud metadata), loopback. */
    private static final List<String> NOT_PUBLIC = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressesPassKeycloaksAndWebsLargeCookieHeaders(String overlay) {
        // web splits its encrypted session into three cookies (quarkus.oidc.token-state-manager.split-tokens) and
        // Keycloak's login answers set large ones: ingress-nginx's 4k default answers 502 "upstream sent too big header"
        assertThat(ServiceConfig.of("web").properties().getProperty("quarkus.oidc.token-state-manager.split-tokens")).isEqualTo("true");
        Rendered r = Rendered.overlay(overlay);
        for (String ingress : List.of("relais", "relais-live")) {
            String size = r.get("Ingress", ingress).path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/proxy-buffer-size").asText("4k");
            assertThat(kibibytes(size)).as(overlay + ": Ingress " + ingress + " proxy-buffer-size").isGreaterThanOrEqualTo(16);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theHrSystemReachesScimAndTheRestOfProfileServicesApiStaysInside(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        String host = r.get("Ingress", "relais").path("spec").path("rules").get(0).path("host").asText();
        assertThat(ServiceConfig.of("profile-service").sources()).anyMatch(s -> s.contains("@Path(\"/scim/v2\")"));
        assertThat(routedTo(r, host, "/scim/v2/Users")).as(overlay + ": " + host + "/scim/v2/Users").isEqualTo("profile-service");
        // the rest of profile-service's API stays inside the cluster: the web app calls it with the user's token
        for (String path : List.of("/api/people", "/api/people/dave", "/api/people/me/export", "/api/people/dave/photo/x",
                "/api/people/dave/reports", "/api/departments/Data/members", "/api/expertise")) {
            assertThat(routedTo(r, host, path)).as(overlay + ": " + host + path).isEqualTo("web");
        }
        assertThat(admitsIngressController(r, "profile-service")).as(overlay + ": the ingress controller reaches profile-service").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePhotoUrlOfASnapshotIsRoutedToProfileServiceWhichTheIngressControllerMayReach(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        String publicUrl = fields(r.get("ConfigMap", "relais-config").path("data")).get("RELAIS_PROFILE_PUBLIC_URL");
        // the photo URL relais.profiles snapshots carry, as profile-service writes it (ProfileSnapshot.photoUrl)
        assertThat(ServiceConfig.of("profile-service").sources())
                .anyMatch(s -> s.contains("@Path(\"/api/people\")") && s.contains("@Path(\"/{login}/photo\")"))
                .anyMatch(s -> s.contains("\"/api/people/\" + p.login + \"/photo?v=\""));
        for (String login : List.of("dave", "anne-marie.o+hr@corp_2")) {
            URI photo = URI.create(publicUrl + "/api/people/" + login + "/photo?v=6560f1");
            assertThat(routedTo(r, photo.getHost(), photo.getPath())).as(overlay + ": the service " + photo + " reaches")
                    .isEqualTo("profile-service");
        }
        assertThat(admitsIngressController(r, "profile-service")).as(overlay + ": the ingress controller reaches profile-service").isTrue();
        // the same path takes an upload (PUT /api/people/me/photo) as large as profile-service accepts
        String bodySize = r.get("Ingress", "relais-photos").path("metadata").path("annotations")
                .path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m");
        assertThat(1024L * kibibytes(bodySize)).as(overlay + ": Ingress relais-photos proxy-body-size in bytes")
                .isGreaterThanOrEqualTo(Long.parseLong(ServiceConfig.of("profile-service").properties().getProperty("profile.photo.max-bytes")));
        // what the web app and the others serve on the public host is where it was
        String host = URI.create(publicUrl).getHost();
        Map<String, String> routes = new TreeMap<>();
        for (String path : List.of("/", "/people/dave", "/people/dave/photo", "/live", "/api/connectors/hr/events")) {
            routes.put(path, routedTo(r, host, path));
        }
        assertThat(routes).as(overlay + ": routes of " + host).containsExactlyInAnyOrderEntriesOf(Map.of("/", "web",
                "/people/dave", "web", "/people/dave/photo", "web", "/live", "web", "/api/connectors/hr/events", "connector-service"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakIsPublicOnlyForTheRelaisRealmAndItsPageResources(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        JsonNode keycloak = r.get("Keycloak", "relais-keycloak").path("spec");
        String authHost = URI.create(keycloak.path("hostname").path("hostname").asText()).getHost();
        List<String> paths = new ArrayList<>();
        r.kind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> {
            if (rule.path("host").asText().equals(authHost)) {
                rule.path("http").path("paths").forEach(p -> paths.add(p.path("pathType").asText() + " " + p.path("path").asText()));
            }
        }));
        // no /admin (console and REST API), no master realm, no welcome page
        assertThat(paths).as(overlay + ": what the ingress routes to Keycloak").containsExactlyInAnyOrder("Prefix /realms/relais", "Prefix /resources");
        // the operator's own NetworkPolicy opens the ports it lists peers for to every source when the list is empty
        JsonNode policy = keycloak.path("networkPolicy");
        for (String port : List.of("http", "management")) {
            assertThat(policy.path(port).size()).as(overlay + ": Keycloak spec.networkPolicy." + port + " peers").isPositive();
            policy.path(port).forEach(peer -> assertThat(peer.path("namespaceSelector").size() + peer.path("podSelector").size())
                    .as(overlay + ": a peer of " + port + " that selects something").isPositive());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void logoutAndPhotoAddressesNameThePublicHosts(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, String> config = fields(r.get("ConfigMap", "relais-config").path("data"));
        JsonNode web = r.get("Ingress", "relais").path("spec");
        String scheme = web.path("tls").isEmpty() ? "http://" : "https://";
        String keycloakOrigin = r.get("Keycloak", "relais-keycloak").path("spec").path("hostname").path("hostname").asText();
        // web's CSP form-action names Keycloak's origin: without it the browser blocks the logout form's redirect
        assertThat(ServiceConfig.of("web").propertiesText()).contains("${RELAIS_LOGIN_ORIGIN:", "form-action 'self' ${keycloak.origin}");
        assertThat(config.get("RELAIS_LOGIN_ORIGIN")).as(overlay + ": RELAIS_LOGIN_ORIGIN").isEqualTo(keycloakOrigin);
        assertThat(config.get("QUARKUS_OIDC_TOKEN_ISSUER")).startsWith(keycloakOrigin + "/");
        // photo URLs in profile answers and relais.profiles snapshots start with it
        assertThat(ServiceConfig.of("profile-service").propertiesText()).contains("${RELAIS_PROFILE_PUBLIC_URL:");
        assertThat(config.get("RELAIS_PROFILE_PUBLIC_URL")).as(overlay + ": RELAIS_PROFILE_PUBLIC_URL")
                .isEqualTo(scheme + web.path("rules").get(0).path("host").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPersonOfTheRealmIsAnEmployeeAndNoBusinessSystemIs(String overlay) {
        JsonNode realm = Rendered.overlay(overlay).get("KeycloakRealmImport", "relais-realm").path("spec").path("realm");
        String defaultRole = realm.path("defaultRole").path("name").asText();
        // people from LDAP or an identity provider get the realm's default role when Keycloak first creates them
        assertThat(effectiveRoles(realm, List.of(defaultRole))).as(overlay + ": roles of " + defaultRole).contains("employee");
        List<String> systems = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                List<String> roles = new ArrayList<>();
                u.path("realmRoles").forEach(role -> roles.add(role.asText()));
                if (effectiveRoles(realm, roles).contains("employee")) systems.add(u.path("username").asText());
            }
        });
        assertThat(realm.path("users").findValues("serviceAccountClientId")).isNotEmpty();
        assertThat(systems).as(overlay + ": business systems' service accounts holding employee").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void feedServiceReachesPublicWebPagesForLinkPreviewsAndNoPrivateAddress(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> outside = new ArrayList<>();
        r.kind("NetworkPolicy").forEach(policy -> policy.path("spec").path("egress").forEach(rule -> rule.path("to").forEach(peer -> {
            if (!peer.has("ipBlock")) return;
            assertThat(selectedNames(policy)).as(Rendered.name(policy) + ": pods allowed out of the cluster").containsExactly("feed-service");
            List<String> except = new ArrayList<>();
            peer.path("ipBlock").path("except").forEach(e -> except.add(e.asText()));
            assertThat(except).as(Rendered.name(policy)).containsAll(NOT_PUBLIC);
            List<String> ports = new ArrayList<>();
            rule.path("ports").forEach(p -> ports.add(p.path("protocol").asText() + "/" + p.path("port").asText()));
            outside.add(peer.path("ipBlock").path("cidr").asText() + " " + ports);
        })));
        assertThat(outside).as(overlay + ": egress out of the cluster").containsExactly("0.0.0.0/0 [TCP/80, TCP/443]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void applyingLeavesTheAutoscaledReplicaCountsAlone(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, String> stated = new TreeMap<>();
        r.kind("HorizontalPodAutoscaler").forEach(hpa -> {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            JsonNode replicas = r.get(target.path("kind").asText(), target.path("name").asText()).path("spec").path("replicas");
            if (!replicas.isMissingNode()) stated.put(target.path("name").asText(), replicas.asText());
        });
        assertThat(r.kind("HorizontalPodAutoscaler")).hasSize(4);
        assertThat(stated).as(overlay + ": autoscaled workloads whose replicas each kubectl apply resets").isEmpty();
    }

    @Test
    void drainingANodeTakesAtMostOneMongoDbMemberAndOneKeycloak() {
        Rendered r = Rendered.overlay("prod");
        Map<String, String> budgets = new HashMap<>();
        r.kind("PodDisruptionBudget").forEach(pdb -> budgets.put(
                pdb.path("spec").path("selector").path("matchLabels").toString(), pdb.path("spec").path("maxUnavailable").asText()));
        assertThat(budgets).containsEntry("{\"app.kubernetes.io/name\":\"mongodb\"}", "1")
                .containsEntry("{\"app.kubernetes.io/instance\":\"relais-keycloak\"}", "1");
        assertThat(r.get("Keycloak", "relais-keycloak").path("spec").path("instances").asInt()).isGreaterThan(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void mongoshProbesHaveTimeToStart(String overlay) {
        JsonNode mongodb = Rendered.overlay(overlay).get("StatefulSet", "mongodb").path("spec").path("template").path("spec").path("containers").get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            // mongosh is a Node.js program: it takes more than the default second to start on a busy node
            assertThat(mongodb.path(probe).path("exec").path("command").get(0).asText()).isEqualTo("mongosh");
            assertThat(mongodb.path(probe).path("timeoutSeconds").asInt(1)).as(overlay + ": mongodb " + probe + " timeoutSeconds").isGreaterThanOrEqualTo(10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceLeavesItsJvmRoomBesideTheHeap(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Matcher m = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(fields(r.get("ConfigMap", "relais-config").path("data")).get("JAVA_OPTS_APPEND"));
        assertThat(m.find()).isTrue();
        double heapShare = Double.parseDouble(m.group(1)) / 100;
        Map<String, Long> beside = new TreeMap<>();
        for (String service : ServiceConfig.SERVICES) {
            ObjectNode workload = r.find("Deployment", service).orElseGet(() -> r.get("StatefulSet", service));
            String limit = workload.path("spec").path("template").path("spec").path("containers").get(0).path("resources").path("limits").path("memory").asText();
            beside.put(service, Math.round(mebibytes(limit) * (1 - heapShare)));
        }
        // metaspace, code cache, thread stacks, Netty's and the Kafka and MongoDB clients' direct buffers
        assertThat(beside).as(overlay + ": MiB of the memory limit left beside the heap").allSatisfy((service, mib) -> assertThat(mib).isGreaterThanOrEqualTo(256));
    }

    @Test
    void theGuideSaysWhereMetricsAreAndHowToRecreateASearchVolume() {
        String guide = Rendered.read(Rendered.REPO.resolve("docs/DEPLOY.md"));
        assertThat(guide).contains("`/q/metrics` on port `management`").doesNotContain("`/q/metrics` on port `http`");
        assertThat(guide).contains("delete pvc index-search-service-1 --wait=false");
        assertThat(guide).contains("relais.io/mongodb-client: \"true\"");
    }

    /**
     * The Service that ingress-nginx sends a request for {@code host} + {@code path} to, over every Ingress of the
     * host. As the Ingress API says: Exact, else the longest Prefix (element-wise, case-sensitive). Once any Ingress of
     * the host has {@code nginx.ingress.kubernetes.io/use-regex} (or {@code rewrite-target}), ingress-nginx writes every
     * path of the host as a case-insensitive regular expression anchored at the start ({@code location ~* "^path"}),
     * longest path first, and the first that matches wins. Null when nothing matches.
     */
    private static String routedTo(Rendered r, String host, String path) {
        record Route(String type, String path, String service) {
        }
        List<Route> routes = new ArrayList<>();
        boolean[] regex = {false};
        r.kind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> {
            if (!rule.path("host").asText().equals(host)) return;
            JsonNode annotations = i.path("metadata").path("annotations");
            if (annotations.path("nginx.ingress.kubernetes.io/use-regex").asText().equals("true")
                    || annotations.has("nginx.ingress.kubernetes.io/rewrite-target")) {
                regex[0] = true;
            }
            rule.path("http").path("paths").forEach(p -> routes.add(new Route(p.path("pathType").asText(), p.path("path").asText(),
                    p.path("backend").path("service").path("name").asText())));
        }));
        if (regex[0]) {
            return routes.stream().sorted(Comparator.comparingInt((Route x) -> x.path().length()).reversed())
                    .filter(x -> Pattern.compile("^" + x.path(), Pattern.CASE_INSENSITIVE).matcher(path).find())
                    .map(Route::service).findFirst().orElse(null);
        }
        return routes.stream().filter(x -> x.type().equals("Exact") && x.path().equals(path)).map(Route::service).findFirst()
                .orElseGet(() -> routes.stream().filter(x -> !x.type().equals("Exact"))
                        .filter(x -> x.path().equals("/") || path.equals(x.path())
                                || path.startsWith(x.path().endsWith("/") ? x.path() : x.path() + "/"))
                        .max(Comparator.comparingInt((Route x) -> x.path().length())).map(Route::service).orElse(null));
    }

    /**
     * Whether some NetworkPolicy selecting {@code service}'s pods lets the ingress controller (namespace ingress-nginx)
     * reach the container port behind the Service's port {@code http}.
     */
    private static boolean admitsIngressController(Rendered r, String service) {
        JsonNode servicePort = null;
        for (JsonNode p : r.get("Service", service).path("spec").path("ports")) {
            if (p.path("name").asText().equals("http")) servicePort = p;
        }
        assertThat(servicePort).as("Service " + service + " port http").isNotNull();
        JsonNode target = servicePort.path("targetPort");
        int port = target.isInt() ? target.asInt() : -1;
        if (port < 0) {
            ObjectNode workload = r.find("Deployment", service).orElseGet(() -> r.get("StatefulSet", service));
            for (JsonNode c : workload.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode cp : c.path("ports")) {
                    if (cp.path("name").asText().equals(target.asText())) port = cp.path("containerPort").asInt();
                }
            }
        }
        int wanted = port;
        boolean[] admitted = {false};
        r.kind("NetworkPolicy").forEach(policy -> {
            if (!selectedNames(policy).contains(service)) return;
            policy.path("spec").path("ingress").forEach(rule -> {
                boolean fromController = false;
                for (JsonNode peer : rule.path("from")) {
                    if (peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText().equals("ingress-nginx")
                            && peer.path("podSelector").isMissingNode()) {
                        fromController = true;
                    }
                }
                boolean onPort = rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    if (p.path("port").asInt() == wanted) onPort = true;
                }
                if (fromController && onPort) admitted[0] = true;
            });
        });
        return admitted[0];
    }

    /** The realm roles these roles grant, composites included. */
    private static Set<String> effectiveRoles(JsonNode realm, List<String> roles) {
        Map<String, JsonNode> byName = new HashMap<>();
        realm.path("roles").path("realm").forEach(role -> byName.put(role.path("name").asText(), role));
        Set<String> out = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roles);
        while (!todo.isEmpty()) {
            String role = todo.pop();
            if (!out.add(role)) continue;
            JsonNode definition = byName.get(role);
            if (definition != null) definition.path("composites").path("realm").forEach(c -> todo.push(c.asText()));
        }
        return out;
    }

    /** The app.kubernetes.io/name values a policy's pod selector picks (matchLabels or an In expression). */
    private static List<String> selectedNames(JsonNode policy) {
        JsonNode selector = policy.path("spec").path("podSelector");
        List<String> names = new ArrayList<>();
        if (selector.path("matchLabels").has("app.kubernetes.io/name")) names.add(selector.path("matchLabels").path("app.kubernetes.io/name").asText());
        selector.path("matchExpressions").forEach(e -> {
            if (e.path("key").asText().equals("app.kubernetes.io/name") && e.path("operator").asText().equals("In")) {
                e.path("values").forEach(v -> names.add(v.asText()));
            }
        });
        return names;
    }

    private static int kibibytes(String nginxSize) {
        String s = nginxSize.toLowerCase();
        return s.endsWith("k") ? Integer.parseInt(s.substring(0, s.length() - 1))
                : s.endsWith("m") ? 1024 * Integer.parseInt(s.substring(0, s.length() - 1)) : Integer.parseInt(s) / 1024;
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) return 1024L * Long.parseLong(quantity.substring(0, quantity.length() - 2));
        if (quantity.endsWith("Mi")) return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        throw new AssertionError("memory quantity not in Mi or Gi: " + quantity);
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
