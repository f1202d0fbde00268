package io.relais.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * search-service's insights answer (JSON, as it arrives) and the two charts drawn from its buckets: contributions
 * (posts, comments, reactions stacked) and people (active people, contributors of them). A withheld bucket is drawn
 * as a dashed placeholder, never as a number.
 */
@TemplateData
public record InsightsView(JsonNode figures, String fromDate, String toDate, BarChart activity, BarChart people) {

    public static InsightsView of(JsonNode json, List<String> activityNames, List<String> peopleNames) {
        List<String> labels = new ArrayList<>();
        List<long[]> activity = new ArrayList<>();
        List<long[]> people = new ArrayList<>();
        for (JsonNode b : json.path("buckets")) {
            labels.add(b.path("start").asText());
            boolean shown = b.hasNonNull("activeMembers");
            activity.add(shown ? new long[]{b.path("posts").asLong(), b.path("comments").asLong(), b.path("reactions").asLong()} : null);
            // contributors are among the active people: the stack shows contributors, then those who only reacted
            people.add(shown ? new long[]{b.path("contributors").asLong(),
                    b.path("activeMembers").asLong() - b.path("contributors").asLong()} : null);
        }
        return new InsightsView(json, day(json.path("from").asText("")), day(json.path("to").asText("")),
                BarChart.stacked(labels, activity, List.of("s-posts", "s-comments", "s-reactions"), activityNames),
                BarChart.stacked(labels, people, List.of("s-contributors", "s-reactors"), peopleNames));
    }

    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }
}
