package io.relais.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both overlays, rendered as {@code kubectl apply -k} would send them: every object valid against the schema of
 * the pinned Kubernetes and operator versions, Relais' pods restricted, and every manifest fact that the services'
 * own configuration also states (ports, probe paths, environment names, topics, images) stated the same way.
 */
class ManifestsTest {

    /**
     * Environment names given to a service that its sources do not read, each with the reason it is still right.
     * Anything else a manifest sets and no service reads is drift (a renamed property, a typo) and fails.
     */
    private static final Map<String, String> READ_ELSEWHERE = Map.of(
            "JAVA_OPTS_APPEND", "read by the base image's run-java.sh (JVM options)",
            "QUARKUS_OIDC_TOKEN_ISSUER", "quarkus-oidc's quarkus.oidc.token.issuer: in Kubernetes the tokens' issuer "
                    + "(public hostname) differs from the discovery URL (in-cluster)",
            // issue 17's search-service replica bullet (consumer group per replica, index on the volume) makes
            // search-service read these; the manifests provide them already
            "RELAIS_DATA_DIR", "search-service's index directory on its volume",
            "RELAIS_SEARCH_REPLICA_ID", "search-service's per-replica consumer group",
            // web's cross-site request forgery tokens (the web branch of the same release) are keyed by this secret
            "RELAIS_WEB_FORGERY_SECRET", "web's forgery-token key");

    /** Kafka versions the pinned Strimzi release runs (its kafka-versions.yaml, entries with supported: true). */
    private static final Set<String> STRIMZI_KAFKA_VERSIONS = Set.of("4.2.0", "4.2.1", "4.3.0", "4.3.1");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theRenderingWithoutKubectlIsWhatKubectlRenders(String overlay) {
        assumeTrue(Rendered.kubectlInstalled(), "kubectl is not installed: nothing to compare KustomizeSubset with");
        Map<String, JsonNode> byKubectl = byKindAndName(Rendered.byKubectl(overlay));
        Map<String, JsonNode> bySubset = byKindAndName(KustomizeSubset.render(Rendered.MODULE.resolve("overlays").resolve(overlay)));
        assertThat(bySubset.keySet()).containsExactlyInAnyOrderElementsOf(byKubectl.keySet());
        // JsonNode equality ignores the order of an object's fields (kubectl sorts them), not of arrays
        List<String> different = byKubectl.keySet().stream().filter(k -> !byKubectl.get(k).equals(bySubset.get(k))).sorted().toList();
        assertThat(different).as(overlay + ": rendered differently without kubectl").isEmpty();
    }

    private static Map<String, JsonNode> byKindAndName(List<ObjectNode> objects) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (ObjectNode o : objects) {
            ObjectNode copy = o.deepCopy();
            // kustomize wraps long base64 values at 76 characters; the decoded data is what counts
            if (copy.path("data").isObject() && "Secret".equals(copy.path("kind").asText())) {
                ObjectNode data = (ObjectNode) copy.path("data");
                data.fieldNames().forEachRemaining(k -> data.put(k, data.path(k).asText().replaceAll("\\s", "")));
            }
            out.put(o.path("kind").asText() + " " + Rendered.name(o), copy);
        }
        assertThat(out).hasSameSizeAs(objects);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidAgainstTheSchemaOfThePinnedVersion(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, List<String>> invalid = new TreeMap<>();
        for (ObjectNode o : r.objects) {
            List<String> violations = PinnedSchemas.violations(o);
            if (!violations.isEmpty()) invalid.put(o.path("kind").asText() + " " + Rendered.name(o), violations);
        }
        assertThat(r.objects).hasSizeGreaterThan(40);
        assertThat(invalid).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyPodOfRelaisMeetsTheRestrictedPodSecurityStandard(String overlay) {
        List<String> problems = new ArrayList<>();
        Rendered.overlay(overlay).workloads().forEach(w -> {
            String who = w.path("kind").asText() + " " + Rendered.name(w);
            JsonNode pod = w.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            if (!podSecurity.path("runAsNonRoot").asBoolean(false)) problems.add(who + ": pod runAsNonRoot");
            if (!"RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText())) {
                problems.add(who + ": pod seccompProfile RuntimeDefault");
            }
            if (pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)) problems.add(who + ": host namespaces");
            for (JsonNode v : pod.path("volumes")) {
                if (v.has("hostPath")) problems.add(who + ": hostPath volume " + v.path("name").asText());
            }
            List<JsonNode> containers = new ArrayList<>();
            pod.path("initContainers").forEach(containers::add);
            pod.path("containers").forEach(containers::add);
            for (JsonNode c : containers) {
                String at = who + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) problems.add(at + ": allowPrivilegeEscalation false");
                if (sc.path("privileged").asBoolean(false)) problems.add(at + ": privileged");
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) problems.add(at + ": readOnlyRootFilesystem");
                Set<String> dropped = new HashSet<>();
                sc.path("capabilities").path("drop").forEach(d -> dropped.add(d.asText()));
                if (!dropped.contains("ALL")) problems.add(at + ": capabilities drop ALL");
                if (sc.path("capabilities").path("add").size() > 0) problems.add(at + ": capabilities added");
                if (sc.has("runAsUser") && sc.path("runAsUser").asInt() == 0) problems.add(at + ": runs as root");
            }
        });
        assertThat(problems).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentNameGivenToAServiceIsOneItReads(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, String> shared = fields(r.get("ConfigMap", "relais-config").path("data"));
        Set<String> readBySomeService = new HashSet<>();
        List<String> unread = new ArrayList<>();
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            JsonNode container = container(r, service);
            assertThat(StreamSupport.stream(container.path("envFrom").spliterator(), false)
                    .map(e -> e.path("configMapRef").path("name").asText())).as(service).contains("relais-config");
            readBySomeService.addAll(config.envNames());
            for (JsonNode e : container.path("env")) {
                String name = e.path("name").asText();
                if (!config.envNames().contains(name) && !READ_ELSEWHERE.containsKey(name)) unread.add(service + ": " + name);
            }
        }
        for (String name : shared.keySet()) {
            if (!readBySomeService.contains(name) && !READ_ELSEWHERE.containsKey(name)) unread.add("relais-config: " + name);
        }
        assertThat(unread).as(overlay + ": set in the manifests, read by no service").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceListensWhereItsServiceAndProbesPoint(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, String> shared = fields(r.get("ConfigMap", "relais-config").path("data"));
        String port = shared.get("QUARKUS_HTTP_PORT");
        String managementPort = shared.get("QUARKUS_MANAGEMENT_PORT");
        assertThat(managementPort).as("the management interface has its own port").isNotNull().isNotEqualTo(port);
        // in a pod the kubelet and Prometheus reach the management interface from outside the container
        assertThat(shared).containsEntry("QUARKUS_MANAGEMENT_HOST", "0.0.0.0");
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            JsonNode container = container(r, service);
            assertThat(container.path("ports").get(0).path("containerPort").asText()).as(service).isEqualTo(port);
            assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("http");
            assertThat(container.path("ports").get(1).path("containerPort").asText()).as(service).isEqualTo(managementPort);
            assertThat(container.path("ports").get(1).path("name").asText()).isEqualTo("management");
            assertThat(r.get("Service", service).path("spec").path("ports").get(0).path("targetPort").asText())
                    .as(service).isEqualTo("http");
            // SmallRye Health's paths, which a service keeps unless it moves them
            assertThat(config.propertiesText()).as(service).doesNotContain("quarkus.smallrye-health.root-path",
                    "quarkus.http.non-application-root-path", "quarkus.management.root-path");
            assertThat(config.pom().contains("quarkus-smallrye-health") || config.usesServiceKit()).as(service).isTrue();
            // health, metrics and OpenAPI leave the public port for the management interface (finding F3)
            assertThat(config.properties().getProperty("quarkus.management.enabled")).as(service).isEqualTo("true");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(container.path(probe).path("httpGet").path("port").asText()).as(service + " " + probe)
                        .isEqualTo("management");
            }
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noServiceExposesAManagementPortAndPrometheusScrapesIt(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        String managementPort = fields(r.get("ConfigMap", "relais-config").path("data")).get("QUARKUS_MANAGEMENT_PORT");
        List<String> exposed = new ArrayList<>();
        r.kind("Service").forEach(svc -> svc.path("spec").path("ports").forEach(p -> {
            if (p.path("targetPort").asText().equals("management") || p.path("targetPort").asText().equals(managementPort)) {
                exposed.add(Rendered.name(svc) + " " + p);
            }
        }));
        assertThat(exposed).as(overlay + ": Services that expose a Relais service's management port").isEmpty();
        JsonNode scrape = r.get("PodMonitor", "relais-services").path("spec").path("podMetricsEndpoints").get(0);
        assertThat(scrape.path("port").asText()).isEqualTo("management");
        assertThat(scrape.path("path").asText()).isEqualTo("/q/metrics");
        List<Integer> monitoringPorts = new ArrayList<>();
        r.get("NetworkPolicy", "metrics-from-monitoring").path("spec").path("ingress").forEach(rule ->
                rule.path("ports").forEach(p -> monitoringPorts.add(p.path("port").asInt())));
        assertThat(monitoringPorts).as("what Prometheus may reach").containsExactly(Integer.parseInt(managementPort));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyImageIsTheOneItsModuleBuildsOrAPinnedRelease(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            String image = container(r, service).path("image").asText();
            String built = config.properties().getProperty("quarkus.container-image.group") + "/"
                    + config.properties().getProperty("quarkus.container-image.name");
            assertThat(image).as(service).matches("(.+/)?" + Pattern.quote(built) + ":[0-9][^:]*");
            assertThat(config.pom().contains("quarkus-container-image-jib") || config.usesServiceKit()).as(service).isTrue();
            assertThat(config.properties().getProperty("quarkus.jib.base-jvm-image")).as(service)
                    .matches(".+:[0-9]+\\.[0-9]+.*");
        }
        List<String> unpinned = new ArrayList<>();
        r.workloads().forEach(w -> w.path("spec").path("template").path("spec").forEach(part -> part.forEach(c -> {
            String image = c.path("image").asText("");
            if (!image.isEmpty() && !image.matches(".+:[0-9]+\\.[0-9]+(\\.[0-9]+)?(-[A-Za-z0-9.]+)?(@sha256:[0-9a-f]{64})?")) {
                unpinned.add(Rendered.name(w) + ": " + image);
            }
        })));
        r.kind("Keycloak").forEach(k -> assertThat(k.path("spec").path("image").asText()).endsWith(":26.6.3"));
        assertThat(unpinned).as(overlay + ": images without a version tag").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaTopicsAreTheEventContractsTopicsAndCoverEveryChannel(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, JsonNode> topics = new HashMap<>();
        r.kind("KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(), t.path("spec")));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
        for (Topics.TopicSpec spec : Topics.ALL) {
            JsonNode t = topics.get(spec.name());
            assertThat(t.path("partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(fields(t.path("config"))).as(spec.name()).containsAllEntriesOf(spec.config());
        }
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig.of(service).properties().forEach((k, v) -> {
                String key = k.toString();
                if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith("dead-letter-queue.topic"))) {
                    assertThat(topics).as(service + " " + key).containsKey(v.toString());
                }
                if (key.startsWith("mp.messaging.") && key.endsWith(".topics")) { // a channel reading several topics
                    for (String topic : v.toString().split(",")) assertThat(topics).as(service + " " + key).containsKey(topic.trim());
                }
            });
        }
        // the services must not create topics themselves (replication factor 1, racing the topic operator)
        assertThat(fields(r.get("ConfigMap", "relais-config").path("data"))).containsEntry("RELAIS_KAFKA_PROVISION_TOPICS", "false");
        assertThat(ServiceConfig.of("feed-service").envNames()).contains("RELAIS_KAFKA_PROVISION_TOPICS");
        JsonNode kafka = r.get("Kafka", "relais").path("spec").path("kafka");
        assertThat(STRIMZI_KAFKA_VERSIONS).contains(kafka.path("version").asText());
        assertThat(kafka.path("config").path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesReachExistingServicesAndTheLiveStreamIsNotCut(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, String> backendByPath = new HashMap<>();
        r.kind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths").forEach(p -> {
            String service = p.path("backend").path("service").path("name").asText();
            backendByPath.put(rule.path("host").asText() + p.path("path").asText(), service);
            if (!service.equals("relais-keycloak-service")) {
                assertThat(r.find("Service", service)).as(overlay + " ingress backend " + service).isPresent();
            }
        })));
        String webHost = r.get("Ingress", "relais").path("spec").path("rules").get(0).path("host").asText();
        assertThat(backendByPath).containsEntry(webHost + "/live", "web").containsEntry(webHost + "/api/connectors", "connector-service");
        assertThat(ServiceConfig.of("web").sources()).anyMatch(s -> s.contains("@Path(\"/live\")"));
        assertThat(ServiceConfig.of("connector-service").sources()).anyMatch(s -> s.contains("@Path(\"/api/connectors"));
        JsonNode live = r.get("Ingress", "relais-live").path("metadata").path("annotations");
        assertThat(live.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isGreaterThanOrEqualTo(3600);
        assertThat(live.path("nginx.ingress.kubernetes.io/proxy-buffering").asText()).isEqualTo("off");
        String heartbeat = ServiceConfig.of("feed-service").properties().getProperty("feed.live.heartbeat");
        assertThat(Integer.parseInt(heartbeat.replace("s", ""))).isLessThan(live.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void feedServiceWeighsMostOnABusyNodeAndNoServiceIsThrottled(String overlay) {
        // docs/DEPLOY.md, "Reads first on a busy node": a busy node shares CPU by request, a CPU limit throttles a
        // JVM mid-request; feed-service answers every timeline read, connector- and profile-service mostly ingest
        Rendered r = Rendered.overlay(overlay);
        Map<String, Integer> requested = new TreeMap<>();
        List<String> limited = new ArrayList<>();
        for (String service : ServiceConfig.SERVICES) {
            JsonNode resources = container(r, service).path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).as(overlay + ": " + service + " CPU request").isNotBlank();
            requested.put(service, millicores(resources.path("requests").path("cpu").asText()));
            if (resources.path("limits").has("cpu")) limited.add(service);
        }
        assertThat(limited).as(overlay + ": services with a CPU limit").isEmpty();
        int feed = requested.get("feed-service");
        assertThat(requested).as(overlay + ": CPU requests, millicores").allSatisfy((service, m) -> assertThat(feed).isGreaterThanOrEqualTo(m));
        assertThat(feed).as(overlay + ": feed-service against twice each ingesting service")
                .isGreaterThanOrEqualTo(2 * requested.get("connector-service"))
                .isGreaterThanOrEqualTo(2 * requested.get("profile-service"));
    }

    /** A Kubernetes CPU quantity ("250m", "0.5", "2") in millicores. */
    private static int millicores(String quantity) {
        return quantity.endsWith("m") ? Integer.parseInt(quantity.substring(0, quantity.length() - 1))
                : (int) Math.round(Double.parseDouble(quantity) * 1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void searchReplicasKeepTheirIndexOnTheirOwnVolume(String overlay) {
        ObjectNode search = Rendered.overlay(overlay).get("StatefulSet", "search-service");
        JsonNode container = search.path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        String dataDir = env.get("RELAIS_DATA_DIR").path("value").asText();
        Set<String> claims = new HashSet<>();
        search.path("spec").path("volumeClaimTemplates").forEach(v -> claims.add(Rendered.name(v)));
        assertThat(StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("mountPath").asText().equals(dataDir))
                .map(m -> m.path("name").asText())).singleElement().satisfies(name -> assertThat(claims).contains(name));
        assertThat(env.get("RELAIS_SEARCH_REPLICA_ID").path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .isEqualTo("metadata.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretAServiceNeedsIsGeneratedOrListedAsAPrerequisite(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        String prodHeader = Rendered.read(Rendered.MODULE.resolve("overlays/prod/kustomization.yaml"));
        Set<String> missing = new TreeSet<>();
        r.workloads().forEach(w -> w.findValues("secretKeyRef").forEach(ref -> {
            String name = ref.path("name").asText();
            String key = ref.path("key").asText();
            if (overlay.equals("dev")) {
                if (r.find("Secret", name).map(s -> !s.path("data").has(key)).orElse(true)) missing.add(name + "/" + key);
            } else if (!prodHeader.contains(name + " (") || !prodHeader.substring(prodHeader.indexOf(name + " (")).split("\\)")[0].contains(key)) {
                missing.add(name + "/" + key);
            }
        }));
        assertThat(missing).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAlertReadsAMeterThatIsProduced(String overlay) {
        Set<String> produced = new HashSet<>();
        for (String service : ServiceConfig.SERVICES) {
            for (String source : ServiceConfig.of(service).sources()) {
                Matcher m = Pattern.compile("\"(relais\\.[a-z.]+)\"").matcher(source);
                while (m.find()) produced.add(m.group(1).replace('.', '_'));
            }
        }
        // from libraries: Micrometer's HTTP server binder and Kafka client binder, Strimzi's Kafka Exporter, Prometheus
        Set<String> external = Set.of("http_server_requests_seconds_count", "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_consumergroup_lag", "up");
        Set<String> unknown = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        Rendered.overlay(overlay).kind("PrometheusRule").forEach(rule -> rule.findValues("expr").forEach(expr -> {
            // PromQL without grouping clauses, label matchers and ranges leaves metric names, functions and numbers
            String bare = expr.asText().replaceAll("by \\([^)]*\\)", " ").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
            Matcher m = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\b").matcher(bare);
            while (m.find()) {
                String metric = m.group(1);
                if (Set.of("by", "rate", "increase", "sum", "max").contains(metric)) continue;
                read.add(metric);
                String base = metric.replaceAll("_(total|seconds)$", "");
                if (!external.contains(metric) && !produced.contains(base)) unknown.add(metric);
            }
        }));
        assertThat(read).contains("relais_outbox_oldest_age_seconds", "relais_outbox_pending", "relais_dead_letters_total");
        assertThat(unknown).as("metrics that alerts read and nothing produces").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDeploymentGuideNamesThePinnedVersions(String overlay) {
        String guide = Rendered.read(Rendered.REPO.resolve("docs/DEPLOY.md"));
        JsonNode kafka = Rendered.overlay(overlay).get("Kafka", "relais").path("spec").path("kafka");
        assertThat(guide).contains("Strimzi 1.2.0", "Kafka " + kafka.path("version").asText(), "Keycloak operator 26.6.3",
                "Prometheus Operator v0.93.0", "Kubernetes 1.34");
    }

    private static JsonNode container(Rendered r, String service) {
        ObjectNode workload = r.find("Deployment", service).orElseGet(() -> r.get("StatefulSet", service));
        JsonNode containers = workload.path("spec").path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (c.path("name").asText().equals(service)) return c;
        }
        throw new AssertionError(r.overlay + ": no container " + service);
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new HashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

}
