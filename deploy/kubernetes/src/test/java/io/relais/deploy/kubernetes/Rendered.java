package io.relais.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One kustomize overlay rendered by {@code kubectl kustomize} (kustomize v5, built into kubectl ≥ 1.27), parsed
 * into its objects. kubectl comes with the project's Debian 12 machine image; where it is missing (the Debian 13
 * image has none, and Debian's own kubectl is too old for these kustomizations) the overlay is rendered by
 * {@link KustomizeSubset}, which {@code ManifestsTest} holds to kubectl's output wherever both exist.
 */
final class Rendered {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE.resolve("../..").normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<ObjectNode> objects;

    private Rendered(String overlay, List<ObjectNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** The objects of {@code overlays/<name>}, rendered once per test JVM (by kubectl when it is installed). */
    static Rendered overlay(String name) {
        return CACHE.computeIfAbsent(name, n -> new Rendered(n, kubectlInstalled()
                ? byKubectl(n) : KustomizeSubset.render(MODULE.resolve("overlays").resolve(n))));
    }

    static List<ObjectNode> byKubectl(String overlay) {
        return parse(kustomize(MODULE.resolve("overlays").resolve(overlay)));
    }

    static boolean kubectlInstalled() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Stream<ObjectNode> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    Optional<ObjectNode> find(String kind, String name) {
        return kind(kind).filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** Deployments, StatefulSets and Jobs: every object that carries a pod template. */
    Stream<ObjectNode> workloads() {
        return objects.stream().filter(o -> o.path("spec").path("template").path("spec").isObject());
    }

    private static String kustomize(Path dir) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the overlays (Debian image package kubectl): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<ObjectNode> parse(String yaml) {
        List<ObjectNode> out = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, ObjectNode.class); it.hasNext(); ) {
                ObjectNode o = it.next();
                if (o != null && !o.isEmpty()) out.add(o);
            }
        } catch (IOException e) {
            throw new AssertionError("rendered YAML does not parse", e);
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p, e);
        }
    }
}
