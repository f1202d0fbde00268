package io.relais.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.relais.web.layout.Msg;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The dashboard as a spreadsheet: one "long" table (one row per figure, and per week and figure), so a pivot
 * table can be built from it. Columns: community, from, to, figure, week of, value, what it counts; labels in
 * the reader's language. Written by Jackson's CSV writer (quoting), starting with a UTF-8 byte order mark so
 * spreadsheet programs read accents right. Text that a spreadsheet would take for a formula (starting with
 * {@code = + - @}, a tab or a carriage return — OWASP's CSV injection) gets a leading apostrophe.
 */
public final class EngagementCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private EngagementCsv() {
    }

    /** The CSV text (with its byte order mark) of one community's engagement over a period. */
    public static String of(Engagement e, String slug, Msg msg) {
        JsonNode f = e.figures();
        String community = cell(f.path("name").asText(slug));
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (SequenceWriter rows = CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out)) {
            rows.write(new String[]{msg.community(), msg.csvFrom(), msg.csvTo(), msg.figure(), msg.weekOf(), msg.value(), msg.whatItCounts()});
            String[][] figures = {
                    {msg.fPosts(), "posts", msg.defPosts()},
                    {msg.fComments(), "comments", msg.defComments()},
                    {msg.fReactions(), "reactions", msg.defReactions()},
                    {msg.fActiveMembers(), "activeMembers", msg.defActiveMembers()},
                    {msg.fMembers(), "members", msg.defMembers()}};
            for (String[] figure : figures) {
                rows.write(new String[]{community, e.fromDate(), e.toDate(), figure[0], "", String.valueOf(f.path(figure[1]).asLong()), figure[2]});
            }
            for (Engagement.WeekBar w : e.weeks()) {
                rows.write(new String[]{community, e.fromDate(), e.toDate(), msg.fPosts(), w.weekOf(), String.valueOf(w.posts()), msg.defWeeks()});
                rows.write(new String[]{community, e.fromDate(), e.toDate(), msg.fComments(), w.weekOf(), String.valueOf(w.comments()), msg.defWeeks()});
                rows.write(new String[]{community, e.fromDate(), e.toDate(), msg.fReactions(), w.weekOf(), String.valueOf(w.reactions()), msg.defWeeks()});
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /** A text cell from a person's input, defused for spreadsheets. */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
