package io.relais.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The vendored JSON Schemas of {@code deploy/kubernetes/schemas} (their sources are in that folder's README), by
 * {@code apiVersion} and {@code kind}. The folder names carry the pinned versions, so upgrading an operator means
 * replacing its folder here and the version in docs/DEPLOY.md.
 *
 * <p>Every object schema is made strict: where a schema lists {@code properties} and neither allows other fields
 * nor preserves unknown ones ({@code x-kubernetes-preserve-unknown-fields}), {@code additionalProperties: false}
 * is added. That is what {@code kubectl apply} does with server-side field validation {@code Strict}: a misspelt
 * or removed field (a {@code v1beta2} field gone in Strimzi's {@code v1}, say) fails here as it would there.
 */
final class PinnedSchemas {

    static final String KUBERNETES = "kubernetes-v1.34.0";
    static final String STRIMZI = "strimzi-1.2.0";
    static final String KEYCLOAK_OPERATOR = "keycloak-operator-26.6.3";
    static final String PROMETHEUS_OPERATOR = "prometheus-operator-v0.93.0";

    /** {@code apiVersion/kind} → folder/file. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("v1/Namespace", KUBERNETES + "/namespace-v1.json"),
            Map.entry("v1/ConfigMap", KUBERNETES + "/configmap-v1.json"),
            Map.entry("v1/Secret", KUBERNETES + "/secret-v1.json"),
            Map.entry("v1/Service", KUBERNETES + "/service-v1.json"),
            Map.entry("v1/ServiceAccount", KUBERNETES + "/serviceaccount-v1.json"),
            Map.entry("apps/v1/Deployment", KUBERNETES + "/deployment-apps-v1.json"),
            Map.entry("apps/v1/StatefulSet", KUBERNETES + "/statefulset-apps-v1.json"),
            Map.entry("batch/v1/Job", KUBERNETES + "/job-batch-v1.json"),
            Map.entry("networking.k8s.io/v1/Ingress", KUBERNETES + "/ingress-networking-v1.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", KUBERNETES + "/networkpolicy-networking-v1.json"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", KUBERNETES + "/horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("policy/v1/PodDisruptionBudget", KUBERNETES + "/poddisruptionbudget-policy-v1.json"),
            Map.entry("kafka.strimzi.io/v1/Kafka", STRIMZI + "/kafka-v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", STRIMZI + "/kafkanodepool-v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", STRIMZI + "/kafkatopic-v1.json"),
            Map.entry("k8s.keycloak.org/v2beta1/Keycloak", KEYCLOAK_OPERATOR + "/keycloak-v2beta1.json"),
            Map.entry("k8s.keycloak.org/v2beta1/KeycloakRealmImport", KEYCLOAK_OPERATOR + "/keycloakrealmimport-v2beta1.json"),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", PROMETHEUS_OPERATOR + "/servicemonitor-v1.json"),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PROMETHEUS_OPERATOR + "/podmonitor-v1.json"),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PROMETHEUS_OPERATOR + "/prometheusrule-v1.json"));

    private static final Path DIR = Rendered.MODULE.resolve("schemas");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private PinnedSchemas() {
    }

    /** The violations of one rendered object, as "path: message"; fails when no schema is vendored for its kind. */
    static List<String> violations(ObjectNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String file = FILES.get(key);
        if (file == null) {
            throw new AssertionError("no vendored schema for " + key + " (" + Rendered.name(object)
                    + "): add it to deploy/kubernetes/schemas and PinnedSchemas.FILES");
        }
        Schema schema = CACHE.computeIfAbsent(file, PinnedSchemas::load);
        List<Error> errors = schema.validate(object.toString(), InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load(String file) {
        try {
            ObjectNode schema = (ObjectNode) Rendered.JSON.readTree(DIR.resolve(file).toFile());
            schema.remove("$schema"); // "http://json-schema.org/schema#" names no draft; validated as draft 7
            // every object has these, whether or not a CRD's schema spells them out
            ObjectNode properties = schema.with("properties");
            if (!properties.has("apiVersion")) properties.putObject("apiVersion").put("type", "string");
            if (!properties.has("kind")) properties.putObject("kind").put("type", "string");
            if (!properties.has("metadata")) properties.putObject("metadata").put("type", "object");
            strict(schema);
            return REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
        } catch (IOException e) {
            throw new AssertionError("cannot read schema " + file, e);
        }
    }

    private static void strict(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            if (o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            o.forEach(PinnedSchemas::strict);
        } else if (node.isArray()) {
            node.forEach(PinnedSchemas::strict);
        }
    }
}
