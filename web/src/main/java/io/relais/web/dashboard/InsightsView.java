package io.relais.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * search-service's insights answer (JSON, as it arrives) and the charts drawn from its buckets: contributions
 * (posts, comments, reactions stacked), people (contributors, those who only reacted, those who only opened) and the
 * reach of announcements and of cards (percent of their audience). A withheld bucket is drawn as a dashed
 * placeholder, never as a number.
 */
@TemplateData
public record InsightsView(JsonNode figures, String fromDate, String toDate, BarChart activity, BarChart people,
                           BarChart announcementReach, BarChart cardReach) {

    /**
     * @param peopleNames the people chart's segment names: contributors, reacted only, opened only
     * @param reachNames  the reach charts' segment names: announcements, cards (values in whole percent)
     */
    public static InsightsView of(JsonNode json, List<String> activityNames, List<String> peopleNames, List<String> reachNames) {
        List<String> labels = new ArrayList<>();
        List<long[]> activity = new ArrayList<>();
        List<long[]> people = new ArrayList<>();
        List<long[]> announcements = new ArrayList<>();
        List<long[]> cards = new ArrayList<>();
        for (JsonNode b : json.path("buckets")) {
            labels.add(b.path("start").asText());
            boolean shown = b.hasNonNull("activeMembers");
            activity.add(shown ? new long[]{b.path("posts").asLong(), b.path("comments").asLong(), b.path("reactions").asLong()} : null);
            // contributors, readers and those who only reacted make up the active people
            long readers = b.path("readers").asLong(0);
            people.add(shown ? new long[]{b.path("contributors").asLong(),
                    b.path("activeMembers").asLong() - b.path("contributors").asLong() - readers, readers} : null);
            announcements.add(percent(b.path("announcementReach")));
            cards.add(percent(b.path("cardReach")));
        }
        return new InsightsView(json, day(json.path("from").asText("")), day(json.path("to").asText("")),
                BarChart.stacked(labels, activity, List.of("s-posts", "s-comments", "s-reactions"), activityNames),
                BarChart.stacked(labels, people, List.of("s-contributors", "s-reactors", "s-readers"), peopleNames),
                BarChart.stacked(labels, announcements, List.of("s-announcements"), reachNames.subList(0, 1), 100, " %"),
                BarChart.stacked(labels, cards, List.of("s-cards"), reachNames.subList(1, 2), 100, " %"));
    }

    /** A reach in whole percent, or null (a withheld bucket) when the answer has none. */
    private static long[] percent(JsonNode reach) {
        return reach.isNumber() ? new long[]{Math.round(reach.asDouble())} : null;
    }

    private static String day(String instant) {
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }
}
