package io.relais.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * search-service's engagement answer for one community and period, plus what the weekly bar chart needs:
 * bar widths as class names in steps of 5% (the CSP allows no style attributes), relative to the busiest week.
 */
@TemplateData
public record Engagement(JsonNode figures, String fromDate, String toDate, List<WeekBar> weeks) {

    /** One week of the series; the three widths are shares of the busiest week's total, 0–100 in steps of 5. */
    @TemplateData
    public record WeekBar(String weekOf, long posts, long comments, long reactions, long total,
                          int postsWidth, int commentsWidth, int reactionsWidth) {
    }

    public static Engagement of(JsonNode json) {
        long busiest = 0;
        for (JsonNode w : json.path("weeks")) {
            busiest = Math.max(busiest, total(w));
        }
        List<WeekBar> weeks = new ArrayList<>();
        for (JsonNode w : json.path("weeks")) {
            long posts = w.path("posts").asLong(), comments = w.path("comments").asLong(), reactions = w.path("reactions").asLong();
            weeks.add(new WeekBar(w.path("weekOf").asText(), posts, comments, reactions, total(w),
                    width(posts, busiest), width(comments, busiest), width(reactions, busiest)));
        }
        return new Engagement(json, day(json.path("from").asText("")), day(json.path("to").asText("")), weeks);
    }

    private static long total(JsonNode week) {
        return week.path("posts").asLong() + week.path("comments").asLong() + week.path("reactions").asLong();
    }

    /** Rounded to 5%, but never 0 for a non-zero count, so a small figure still shows. */
    static int width(long count, long busiest) {
        if (count <= 0 || busiest <= 0) {
            return 0;
        }
        return (int) Math.max(5, Math.round(count * 20.0 / busiest) * 5);
    }

    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }
}
