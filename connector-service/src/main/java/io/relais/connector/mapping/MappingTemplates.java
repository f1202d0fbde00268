package io.relais.connector.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relais.connector.ConnectorConfig;
import io.relais.connector.source.SourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the mapping template of an event type: a file {@code <source>/<eventType>.json} in
 * {@code connector.mappings-dir} wins over the built-in {@code mappings/<source>/<eventType>.json}.
 * Directory files are re-read when their modification time changes, so a fixed template takes
 * effect at once (then replay the dead letters it caused).
 */
@ApplicationScoped
public class MappingTemplates {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    ConnectorConfig config;

    private final Map<String, Optional<MappingTemplate>> builtIn = new ConcurrentHashMap<>();
    private final Map<Path, Loaded> fromDir = new ConcurrentHashMap<>();

    private record Loaded(FileTime modified, MappingTemplate template) {
    }

    /** The template, empty when the event type has none; a broken template throws {@link MappingException}. */
    public Optional<MappingTemplate> find(SourceType source, String eventType) {
        String relative = source.id() + "/" + eventType + ".json";
        if (config.mappingsDir().isPresent()) {
            Path file = Path.of(config.mappingsDir().get()).resolve(relative);
            if (Files.isRegularFile(file)) {
                return Optional.of(fromDirectory(file));
            }
        }
        return builtIn.computeIfAbsent(relative, this::fromClasspath);
    }

    private MappingTemplate fromDirectory(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded cached = fromDir.get(file);
            if (cached != null && cached.modified().equals(modified)) return cached.template();
            MappingTemplate t = parse(Files.readAllBytes(file), file.toString());
            fromDir.put(file, new Loaded(modified, t));
            return t;
        } catch (IOException e) {
            throw new MappingException("mapping " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private Optional<MappingTemplate> fromClasspath(String relative) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("mappings/" + relative)) {
            return in == null ? Optional.empty() : Optional.of(parse(in.readAllBytes(), "mappings/" + relative));
        } catch (IOException e) {
            throw new MappingException("mapping " + relative + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static MappingTemplate parse(byte[] json, String where) {
        try {
            JsonNode tree = JSON.readTree(json);
            // the key of templates written before document IRIs named their system: said in words, not by Jackson
            if (tree != null && tree.has("objectId")) {
                throw new MappingException("mapping " + where + " names objectId, which templates no longer give: a "
                        + "Document's id is documentId (e.g. {{data.documentId}}), and its IRI is "
                        + "urn:relais:document:<source>.<system>:<documentId>, in the sending system's namespace");
            }
            MappingTemplate t = JSON.treeToValue(tree, MappingTemplate.class);
            if (t.activity() == null || t.object() == null || t.name() == null || t.summary() == null) {
                throw new MappingException("mapping " + where + " needs activity, object, name and summary");
            }
            return t;
        } catch (IOException e) {
            throw new MappingException("mapping " + where + " is not a valid template: " + e.getMessage(), e);
        }
    }
}
