package io.relais.deploy.kubernetes;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one Relais service reads from its environment, taken from its own sources: its
 * {@code application.properties} (the {@code ${NAME:default}} references and the keys, whose environment form
 * {@code QUARKUS_HTTP_PORT} overrides {@code quarkus.http.port}) and the {@code @ConfigProperty} names in its
 * Java sources and, for the services built on it, in service-kit's.
 */
record ServiceConfig(String service, Properties properties, String propertiesText, Set<String> envNames, String pom) {

    static final List<String> SERVICES = List.of("feed-service", "profile-service", "connector-service", "search-service", "web");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

    static ServiceConfig of(String service) {
        Path module = Rendered.REPO.resolve(service);
        String text = Rendered.read(module.resolve("src/main/resources/application.properties"));
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> env = new HashSet<>();
        Matcher m = ENV_REFERENCE.matcher(text);
        while (m.find()) env.add(m.group(1));
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("%")) env.add(envForm(key));
        }
        String pom = Rendered.read(module.resolve("pom.xml"));
        List<Path> sources = pom.contains("<artifactId>service-kit</artifactId>")
                ? List.of(module.resolve("src/main/java"), Rendered.REPO.resolve("service-kit/src/main/java"))
                : List.of(module.resolve("src/main/java"));
        for (Path root : sources) {
            for (String java : javaSources(root)) {
                Matcher c = CONFIG_PROPERTY.matcher(java);
                while (c.find()) env.add(envForm(c.group(1)));
            }
        }
        return new ServiceConfig(service, props, text, Set.copyOf(env), pom);
    }

    /** MicroProfile Config's environment form of a property name: {@code relais.kafka.provision-topics} → {@code RELAIS_KAFKA_PROVISION_TOPICS}. */
    static String envForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    boolean usesServiceKit() {
        return pom.contains("<artifactId>service-kit</artifactId>");
    }

    /** Every Java source of the service (and of service-kit when it is built on it). */
    List<String> sources() {
        return Stream.concat(javaSources(Rendered.REPO.resolve(service).resolve("src/main/java")).stream(),
                usesServiceKit() ? javaSources(Rendered.REPO.resolve("service-kit/src/main/java")).stream() : Stream.empty()).toList();
    }

    private static List<String> javaSources(Path root) {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).map(Rendered::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
