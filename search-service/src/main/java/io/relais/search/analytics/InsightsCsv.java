package io.relais.search.analytics;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Insights as {@code text/csv} (RFC 4180, written by Jackson's CSV writer): a header row, then one row per bucket,
 * oldest first. A withheld figure is an empty cell and the row's {@code withheld} column says which and why; a share
 * is a percentage with one decimal (reach too), a median a number of minutes. No column names a person.
 */
public final class InsightsCsv {

    /** The header row, in column order. */
    public static final List<String> COLUMNS = List.of("bucket_start", "bucket_end", "active_members", "contributors",
            "readers", "members", "joins", "leaves", "member_growth", "posts", "comments", "reactions", "questions",
            "questions_answered", "median_minutes_to_first_reply", "content_share_top_1pct", "content_share_next_9pct",
            "content_share_other_90pct", "announcement_reach_pct", "card_reach_pct", "withheld");

    private static final CsvMapper CSV = new CsvMapper();

    private InsightsCsv() {
    }

    public static String of(Insights insights) {
        StringWriter out = new StringWriter();
        try (SequenceWriter rows = CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out)) {
            rows.write(COLUMNS.toArray(String[]::new));
            for (Insights.Figures f : insights.buckets()) {
                Insights.Participation p = f.participation();
                StringBuilder withheld = new StringBuilder();
                f.withheld().forEach((k, why) -> withheld.append(withheld.isEmpty() ? "" : "; ").append(k).append(": ").append(why));
                rows.write(new String[]{f.start().toString(), f.end().toString(), cell(f.activeMembers()), cell(f.contributors()),
                        cell(f.readers()), cell(f.members()), cell(f.joins()), cell(f.leaves()), cell(f.memberGrowth()), cell(f.posts()),
                        cell(f.comments()), cell(f.reactions()), cell(f.questions()), cell(f.questionsAnswered()),
                        decimal(f.medianMinutesToFirstReply()), p == null ? "" : decimal(p.top1Percent()),
                        p == null ? "" : decimal(p.next9Percent()), p == null ? "" : decimal(p.other90Percent()),
                        decimal(f.announcementReach()), decimal(f.cardReach()), withheld.toString()});
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    private static String cell(Long value) {
        return value == null ? "" : value.toString();
    }

    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
