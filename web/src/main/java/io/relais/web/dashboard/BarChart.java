package io.relais.web.dashboard;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a server-drawn SVG bar chart (the template only writes the numbers out: no script, no style
 * attribute, which the CSP forbids; colours come from CSS classes). One slot per bucket; each slot is a stack of
 * segments, or, for a withheld bucket, a dashed placeholder. Heights are proportional to the tallest stack.
 */
@TemplateData
public record BarChart(int width, int height, int plotTop, int plotBottom, int plotLeft, long max,
                       List<Bar> bars, List<Label> labels, List<Slot> withheld) {

    static final int WIDTH = 640, HEIGHT = 220, TOP = 12, BOTTOM = 180, LEFT = 44, RIGHT = 8;
    /** At most this many x labels, so they never overlap. */
    static final int MAX_LABELS = 8;

    /** A segment: position and size in SVG user units, its CSS class and its tooltip text. */
    @TemplateData
    public record Bar(double x, double y, double w, double h, String css, String title) {
    }

    @TemplateData
    public record Label(double x, String text) {
    }

    @TemplateData
    public record Slot(double x, double w, String title) {
    }

    /**
     * @param labels one label per bucket (its first day)
     * @param stacks one array of segment values per bucket (same length as {@code css}); null for a withheld bucket
     * @param css    the CSS class of each segment, bottom first
     * @param names  the name of each segment, for tooltips
     */
    public static BarChart stacked(List<String> labels, List<long[]> stacks, List<String> css, List<String> names) {
        return stacked(labels, stacks, css, names, 1, "");
    }

    /**
     * The same, with the y-axis reaching at least {@code scaleAtLeast} (100 for percentages, so 60 % is drawn at
     * 60 % of the height) and {@code unit} after each value in the tooltips (" %").
     */
    public static BarChart stacked(List<String> labels, List<long[]> stacks, List<String> css, List<String> names,
                                   long scaleAtLeast, String unit) {
        long max = Math.max(1, scaleAtLeast);
        for (long[] s : stacks) {
            if (s == null) continue;
            long total = 0;
            for (long v : s) total += v;
            max = Math.max(max, total);
        }
        int n = Math.max(1, labels.size());
        double slot = (double) (WIDTH - LEFT - RIGHT) / n;
        double barWidth = Math.max(1, slot * 0.7);
        double scale = (double) (BOTTOM - TOP) / max;
        List<Bar> bars = new ArrayList<>();
        List<Label> xLabels = new ArrayList<>();
        List<Slot> withheld = new ArrayList<>();
        int every = (int) Math.ceil((double) n / MAX_LABELS);
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            long[] s = stacks.get(i);
            if (s == null) {
                withheld.add(new Slot(round(x), round(barWidth), labels.get(i)));
            } else {
                double y = BOTTOM;
                for (int k = 0; k < s.length; k++) {
                    if (s[k] <= 0) continue;
                    double h = s[k] * scale;
                    y -= h;
                    bars.add(new Bar(round(x), round(y), round(barWidth), round(h), css.get(k),
                            labels.get(i) + " — " + names.get(k) + ": " + s[k] + unit));
                }
            }
            if (i % every == 0) xLabels.add(new Label(round(LEFT + i * slot + slot / 2), labels.get(i)));
        }
        return new BarChart(WIDTH, HEIGHT, TOP, BOTTOM, LEFT, max, bars, xLabels, withheld);
    }

    /** Height of the plot area (SVG user units). */
    public int plotHeight() {
        return plotBottom - plotTop;
    }

    /** Where the y-axis ticks end (right-aligned, just left of the plot). */
    public int tickX() {
        return plotLeft - 4;
    }

    /** Baseline of the top tick's text. */
    public int topTickY() {
        return plotTop + 4;
    }

    /** Baseline of the x labels, under the axis. */
    public int labelY() {
        return plotBottom + 16;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
