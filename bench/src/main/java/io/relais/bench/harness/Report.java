package io.relais.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Appends one run (machine, command, every scenario's section) to docs/BENCHMARKS.md, keeping earlier runs. */
public final class Report {

    private static final String HEADER = """
            # Relais benchmarks

            Produced by the `bench` module (`./relais bench [scenario…]`); each run is appended below with
            the machine, the commit and the exact command. See `bench/README.md` for the method (open-loop
            load, latency from the intended send time, HdrHistogram) and for every option.

            """;

    private Report() {
    }

    public static void append(Path file, Machine machine, String command, Instant started, String noiseBefore,
                              String noiseAfter, List<Section> sections) {
        append(file, HEADER, machine, command, started, noiseBefore, noiseAfter, sections);
    }

    /** Same, for another report file: {@code header} starts the file when it does not exist yet. */
    public static void append(Path file, String header, Machine machine, String command, Instant started, String noiseBefore,
                              String noiseAfter, List<Section> sections) {
        StringBuilder md = new StringBuilder();
        md.append("## Run ").append(started.truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append(machine.markdown()).append("\n");
        md.append("Machine activity (shared machine: other engineers' builds and tests run concurrently, so treat the "
                + "figures as noisy): before the run ").append(noiseBefore).append("; after ").append(noiseAfter)
                .append(".\n\n");
        for (Section s : sections) {
            md.append(s.markdown());
        }
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, header, StandardCharsets.UTF_8);
            }
            Files.writeString(file, md.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(md);
    }

    public static String ms(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public static String num(double v) {
        if (Double.isNaN(v)) return "n/a";
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%,.1f", v);
    }

    /** measured / anchor, e.g. "0.42×". */
    public static String ratio(double measured, double anchor) {
        if (Double.isNaN(measured) || Double.isNaN(anchor) || anchor == 0) return "n/a";
        return String.format(Locale.ROOT, "%.2f×", measured / anchor);
    }
}
