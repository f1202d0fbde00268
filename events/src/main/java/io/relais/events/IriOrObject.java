package io.relais.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** AS2 lets a reference be an IRI or an embedded object; Relais keeps the IRI. */
final class IriOrObject extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return node.asText();
        if (node.isObject() && node.hasNonNull("id")) return node.get("id").asText();
        return ctxt.reportInputMismatch(String.class, "expected an IRI or an object with an id");
    }
}
