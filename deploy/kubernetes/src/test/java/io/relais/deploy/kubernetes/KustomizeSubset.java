package io.relais.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.flipkart.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The part of kustomize that Relais' overlays use, for machines without kubectl: {@code resources} (files and
 * kustomization directories), {@code namespace}, {@code images} ({@code newName}/{@code newTag}),
 * {@code secretGenerator} with {@code literals} and {@code disableNameSuffixHash}, and {@code patches} with a
 * {@code target} (kind and name) and a JSON 6902 patch inline or in a file. Anything else in a kustomization fails
 * here rather than render something kubectl would not. Where kubectl exists, {@code ManifestsTest} checks that this
 * renders exactly what {@code kubectl kustomize} renders.
 */
final class KustomizeSubset {

    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "generatorOptions", "secretGenerator", "patches");
    /** Kinds without a namespace (kustomize's namespace transformer leaves them alone). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass");

    private KustomizeSubset() {
    }

    static List<ObjectNode> render(Path dir) {
        ObjectNode k = readOne(dir.resolve("kustomization.yaml"));
        k.fieldNames().forEachRemaining(f -> {
            if (!KNOWN.contains(f)) throw new AssertionError(dir + ": kustomization field '" + f + "' is not rendered without kubectl");
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) objects.addAll(render(p));
            else objects.addAll(readAll(p));
        }
        boolean noHash = k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (JsonNode g : k.path("secretGenerator")) {
            if (!noHash) throw new AssertionError(dir + ": secretGenerator with name hashes is not rendered without kubectl");
            ObjectNode secret = Rendered.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", g.path("name").asText());
            secret.put("type", "Opaque");
            ObjectNode data = secret.putObject("data");
            for (JsonNode literal : g.path("literals")) {
                String l = literal.asText();
                int eq = l.indexOf('=');
                data.put(l.substring(0, eq), Base64.getEncoder().encodeToString(l.substring(eq + 1).getBytes(StandardCharsets.UTF_8)));
            }
            objects.add(secret);
        }
        for (JsonNode patch : k.path("patches")) {
            JsonNode ops = patch.has("path") ? readJsonOrYaml(dir.resolve(patch.path("path").asText())) : parseYaml(patch.path("patch").asText());
            String kind = patch.path("target").path("kind").asText(null);
            String name = patch.path("target").path("name").asText(null);
            for (int i = 0; i < objects.size(); i++) {
                ObjectNode o = objects.get(i);
                if ((kind == null || kind.equals(o.path("kind").asText())) && (name == null || Rendered.name(o).matches(name))) {
                    objects.set(i, (ObjectNode) JsonPatch.apply(ops, o));
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            String from = image.path("name").asText();
            for (ObjectNode o : objects) {
                for (JsonNode container : o.findParents("image")) {
                    if (!(container instanceof ObjectNode c) || !c.path("image").isTextual()) continue;
                    String current = c.path("image").asText();
                    int colon = current.lastIndexOf(':');
                    String repo = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
                    if (!repo.equals(from) || !isContainer(o, c)) continue;
                    String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
                    String newRepo = image.path("newName").asText(repo);
                    String newTag = image.path("newTag").asText(tag);
                    c.put("image", newTag == null ? newRepo : newRepo + ":" + newTag);
                }
            }
        }
        if (k.has("namespace")) {
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    ((ObjectNode) o.path("metadata")).put("namespace", k.path("namespace").asText());
                }
            }
        }
        return objects;
    }

    /** kustomize's image transformer changes the containers and init containers of pod templates only. */
    private static boolean isContainer(ObjectNode object, ObjectNode candidate) {
        JsonNode pod = object.path("spec").path("template").path("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : pod.path(list)) if (c == candidate) return true;
        }
        return false;
    }

    private static JsonNode readJsonOrYaml(Path p) {
        return parseYaml(Rendered.read(p));
    }

    private static JsonNode parseYaml(String text) {
        try {
            return Rendered.YAML.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("patch does not parse", e);
        }
    }

    private static ObjectNode readOne(Path p) {
        List<ObjectNode> all = readAll(p);
        if (all.size() != 1) throw new AssertionError(p + ": expected one document");
        return all.get(0);
    }

    private static List<ObjectNode> readAll(Path p) {
        List<ObjectNode> out = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(Rendered.read(p))) {
            for (var it = Rendered.YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode n = it.next();
                if (n instanceof ObjectNode o && !o.isEmpty()) out.add(o);
                else if (n instanceof ArrayNode) throw new AssertionError(p + ": a list is not a resource");
            }
        } catch (IOException e) {
            throw new AssertionError(p + " does not parse", e);
        }
        return out;
    }
}
