package io.relais.connector.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "Counters of one source since the store was created", example = """
        {"source":"hr","received":12,"rejected":1,"published":10,"duplicates":1,"deadLettered":0,"unavailable":0,
         "lastError":{"at":"2026-11-22T10:00:00Z","outcome":"rejected","message":"data.email is required"}}""")
public record SourceStatsView(String source, long received, long rejected, long published, long duplicates,
                              long deadLettered, long unavailable, LastError lastError) {

    public record LastError(Instant at, String outcome, String message) {
    }
}
