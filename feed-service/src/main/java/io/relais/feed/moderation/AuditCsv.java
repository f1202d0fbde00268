package io.relais.feed.moderation;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The audit log as CSV, oldest first, streamed: a header row {@code id,at,actor,action,object,community,reason,reports}
 * then one row per entry, written by Jackson's CSV writer (quoting), starting with a UTF-8 byte order mark so
 * spreadsheet programs read accents right. A moderator's reason that a spreadsheet would take for a formula
 * (starting with {@code = + - @}, a tab or a carriage return: OWASP's CSV injection) gets a leading apostrophe.
 */
final class AuditCsv {

    static final String[] HEADER = {"id", "at", "actor", "action", "object", "community", "reason", "reports"};

    private static final CsvMapper CSV = new CsvMapper();

    private AuditCsv() {
    }

    static StreamingOutput of(AuditLog log) {
        return output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write('\uFEFF');
            try (SequenceWriter rows = CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out)) {
                rows.write(HEADER);
                log.forEach(e -> {
                    try {
                        rows.write(new String[]{e.id(), e.at().toString(), e.actor(), e.action(), blank(e.object()),
                                blank(e.community()), cell(blank(e.reason())), Long.toString(e.reports())});
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                });
            }
        };
    }

    /** A text cell from a person's input, defused for spreadsheets. */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
