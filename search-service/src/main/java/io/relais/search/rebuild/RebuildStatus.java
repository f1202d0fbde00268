package io.relais.search.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Progress of the latest index rebuild. */
public record RebuildStatus(
        @Schema(example = "running", enumeration = {"idle", "running", "done", "failed"}) String state,
        @Schema(description = "Records replayed so far", example = "1200") long done,
        @Schema(description = "Records to replay: both topics from their beginning to their end when the rebuild started",
                example = "5000") long total,
        @Schema(description = "Records that are not valid activities (they went to the dead-letter topic when first consumed)",
                example = "0") long skipped,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Index generation being built, or switched to", example = "gen-0002") String generation,
        String error) {

    static RebuildStatus idle() {
        return new RebuildStatus("idle", 0, 0, 0, null, null, null, null);
    }
}
