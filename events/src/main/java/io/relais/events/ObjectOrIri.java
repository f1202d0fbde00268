package io.relais.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** AS2 lets an object be given by its IRI alone; Relais reads that as a reference object. */
final class ObjectOrIri extends JsonDeserializer<AsObject> {
    @Override
    public AsObject deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null || node.isNull()) return null;
        if (node.isTextual()) return AsObject.ref(node.asText());
        if (node.isObject()) return ctxt.readTreeAsValue(node, AsObject.class);
        return ctxt.reportInputMismatch(AsObject.class, "expected an object or an IRI");
    }
}
