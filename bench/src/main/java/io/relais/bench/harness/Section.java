package io.relais.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One scenario's part of a run report: a table and plain notes, rendered as markdown. */
public final class Section {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Section(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    public Section row(Object... cells) {
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c.toString()).toList());
        return this;
    }

    public Section note(String format, Object... args) {
        notes.add(args.length == 0 ? format : String.format(format, args));
        return this;
    }

    public String title() {
        return title;
    }

    public List<List<String>> rows() {
        return rows;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
        if (!rows.isEmpty()) {
            md.append("| ").append(String.join(" | ", headers)).append(" |\n");
            md.append("|").append("---|".repeat(headers.size())).append("\n");
            for (List<String> r : rows) {
                md.append("| ").append(String.join(" | ", r.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
            }
            md.append("\n");
        }
        for (String n : notes) {
            md.append("- ").append(n).append("\n");
        }
        if (!notes.isEmpty()) md.append("\n");
        return md.toString();
    }
}
