package io.relais.feed.reaction;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"kind\":\"celebrate\"}")
public record ReactionRequest(@NotNull ReactionKind kind) {
}
