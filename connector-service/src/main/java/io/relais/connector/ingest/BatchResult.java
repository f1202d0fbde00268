package io.relais.connector.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a batch came to: a count per outcome and one result per event, in order. {@code conflicts} counts the
 * events whose id this system already used for other content (outcome {@code conflict}; another system's use of
 * the same id is not a conflict: each system's ids are its own); {@code unavailable} counts those to send again later ({@code unavailable}, {@code in-flight}).
 */
@Schema(description = "One result per event of a batch, in order", example = """
        {"published":1,"duplicates":1,"rejected":1,"deadLettered":0,"unavailable":0,"conflicts":0,"results":[
          {"index":0,"eventId":"wd-1","outcome":"published","receiptId":"hr:wd-1","status":"published"},
          {"index":1,"eventId":"wd-1","outcome":"duplicate","receiptId":"hr:wd-1","status":"published"},
          {"index":2,"eventId":"wd-2","outcome":"rejected","status":"rejected","errors":[{"field":"[2].data.email","message":"is required"}]}]}""")
public record BatchResult(long published, long duplicates, long rejected, long deadLettered, long unavailable,
                          long conflicts, List<BatchItem> results) {

    static BatchResult of(List<BatchItem> items) {
        return new BatchResult(count(items, "published"), count(items, "duplicate"), count(items, "rejected"),
                count(items, "dead-lettered"), count(items, "unavailable") + count(items, "in-flight"),
                count(items, "conflict"), items);
    }

    private static long count(List<BatchItem> items, String outcome) {
        return items.stream().filter(i -> outcome.equals(i.outcome())).count();
    }
}
