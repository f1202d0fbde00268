package io.relais.search.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of {@link Insights}, computed from facts read from the index, without Lucene or Quarkus (so each
 * definition is tested in plain JUnit on a constructed data set). Deterministic: the same facts give the same
 * figures, whichever order they come in, which is what makes a rebuilt index answer the same.
 */
public final class InsightsCalculation {

    static final int TOP_HASHTAGS = 10;
    static final int TOP = 5;

    private final List<Fact> facts;
    private final List<MembershipChange> changes;
    private final List<Opening> openings;
    private final List<ReachItem> items;
    private final Set<String> organisation;
    private final Instant from;
    private final Instant to;
    private final Bucket bucket;
    private final int minGroup;

    /**
     * @param facts    posts, comments and reactions published within [from, to] in the scope
     * @param changes  every Join and Leave of the scope published up to {@code to} (earlier ones give the members at
     *                 the start)
     * @param minGroup the smallest group a figure may be about ({@link AnalyticsConfig#minGroup()})
     */
    public InsightsCalculation(List<Fact> facts, List<MembershipChange> changes, Instant from, Instant to, Bucket bucket,
                               int minGroup) {
        this(facts, changes, List.of(), List.of(), Set.of(), from, to, bucket, minGroup);
    }

    /**
     * @param facts        posts, comments and reactions published within [from, to] in the scope
     * @param changes      every Join and Leave of the scope published up to {@code to}
     * @param openings     the opens (one per person, item and day) within [from, to] in the scope
     * @param items        the announcements and cards published within [from, to] in the scope
     * @param organisation the people in the directory: the audience of what is addressed to the organisation
     * @param minGroup     the smallest group a figure may be about ({@link AnalyticsConfig#minGroup()})
     */
    public InsightsCalculation(List<Fact> facts, List<MembershipChange> changes, List<Opening> openings, List<ReachItem> items,
                               Set<String> organisation, Instant from, Instant to, Bucket bucket, int minGroup) {
        this.openings = openings.stream().filter(o -> !o.at().isBefore(from) && !o.at().isAfter(to)).toList();
        this.items = items.stream().filter(i -> !i.published().isBefore(from) && !i.published().isAfter(to))
                .sorted(Comparator.comparing(ReachItem::published).thenComparing(ReachItem::id)).toList();
        this.organisation = Set.copyOf(organisation);
        this.facts = facts.stream().filter(f -> !f.at().isBefore(from) && !f.at().isAfter(to))
                .sorted(Comparator.comparing(Fact::at).thenComparing(Fact::id)).toList();
        this.changes = changes.stream().filter(c -> !c.at().isAfter(to))
                .sorted(Comparator.comparing(MembershipChange::at).thenComparing(MembershipChange::id)).toList();
        this.from = from;
        this.to = to;
        this.bucket = bucket;
        this.minGroup = minGroup;
    }

    /** The whole period as one set of figures. */
    public Insights.Figures period() {
        return figures(day(from), day(to), from, to);
    }

    /** One set of figures per bucket touching the period, oldest first; the first and last are cut to the period. */
    public List<Insights.Figures> buckets() {
        List<Insights.Figures> out = new ArrayList<>();
        for (LocalDate start = bucket.startOf(from); !start.isAfter(day(to)); start = bucket.next(start)) {
            Instant bucketStart = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant bucketEnd = bucket.next(start).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
            Instant s = bucketStart.isBefore(from) ? from : bucketStart;
            Instant e = bucketEnd.isAfter(to) ? to : bucketEnd;
            out.add(figures(start, bucket.next(start).minusDays(1), s, e));
        }
        return out;
    }

    private Insights.Figures figures(LocalDate firstDay, LocalDate lastDay, Instant s, Instant e) {
        Predicate<Fact> inside = f -> !f.at().isBefore(s) && !f.at().isAfter(e);
        List<Fact> here = facts.stream().filter(inside).toList();
        Set<String> active = new HashSet<>();
        Map<String, Long> contentByAuthor = new HashMap<>();
        long posts = 0, comments = 0, reactions = 0, questions = 0, answered = 0;
        List<Long> minutesToReply = new ArrayList<>();
        for (Fact f : here) {
            active.add(f.author());
            switch (f.kind()) {
                case POST -> posts++;
                case COMMENT -> comments++;
                case REACTION -> reactions++;
            }
            if (f.content()) contentByAuthor.merge(f.author(), 1L, Long::sum);
            if (f.kind() == Fact.Kind.POST && f.question()) {
                questions++;
                Instant reply = firstReply(f);
                if (reply != null) {
                    answered++;
                    minutesToReply.add(Duration.between(f.at(), reply).toMinutes());
                }
            }
        }
        Set<String> readers = new HashSet<>();
        for (Opening o : openings) {
            if (!o.at().isBefore(s) && !o.at().isAfter(e) && !active.contains(o.reader())) readers.add(o.reader());
        }
        long activeCount = active.size() + readers.size();
        Map<String, String> withheld = new LinkedHashMap<>();
        boolean activityShown = activeCount >= minGroup;
        if (!activityShown) {
            String why = "fewer than " + minGroup + " active people";
            for (String k : List.of("activeMembers", "contributors", "readers", "posts", "comments", "reactions", "questions",
                    "questionsAnswered", "medianMinutesToFirstReply", "participation")) withheld.put(k, why);
        } else {
            if (minutesToReply.isEmpty()) withheld.put("medianMinutesToFirstReply", "no question was answered");
            if (contentByAuthor.size() < minGroup) withheld.put("participation", "fewer than " + minGroup + " contributors");
        }
        long[] members = members(s, e);
        boolean membersShown = members[0] >= minGroup;
        if (!membersShown) {
            String why = "fewer than " + minGroup + " members";
            for (String k : List.of("members", "joins", "leaves", "memberGrowth")) withheld.put(k, why);
        }
        Double announcementReach = reach(ReachItem.Kind.ANNOUNCEMENT, s, e, withheld, "announcementReach", "announcement");
        Double cardReach = reach(ReachItem.Kind.CARD, s, e, withheld, "cardReach", "card");
        return new Insights.Figures(firstDay, lastDay,
                activityShown ? activeCount : null,
                activityShown ? (long) contentByAuthor.size() : null,
                activityShown ? (long) readers.size() : null,
                membersShown ? members[0] : null,
                membersShown ? members[1] : null,
                membersShown ? members[2] : null,
                membersShown ? members[1] - members[2] : null,
                activityShown ? posts : null,
                activityShown ? comments : null,
                activityShown ? reactions : null,
                activityShown ? questions : null,
                activityShown ? answered : null,
                withheld.containsKey("medianMinutesToFirstReply") ? null : median(minutesToReply),
                withheld.containsKey("participation") ? null : participation(contentByAuthor.values()),
                announcementReach, cardReach,
                withheld);
    }

    /**
     * The share of the audience of the items of that kind published in [s, e] that opened them by the end of the
     * period; null (with the reason in {@code withheld}) when there is none or fewer than minGroup people opened them.
     */
    private Double reach(ReachItem.Kind kind, Instant s, Instant e, Map<String, String> withheld, String figure, String noun) {
        long audience = 0, reached = 0;
        Set<String> openers = new HashSet<>();
        boolean any = false;
        for (ReachItem item : items) {
            if (item.kind() != kind || item.published().isBefore(s) || item.published().isAfter(e)) continue;
            any = true;
            Set<String> of = audienceOf(item);
            Set<String> opened = openersOf(item, of);
            audience += of.size();
            reached += opened.size();
            openers.addAll(opened);
        }
        if (!any) {
            withheld.put(figure, "no " + noun + " was published in the bucket");
            return null;
        }
        if (openers.size() < minGroup || audience == 0) {
            withheld.put(figure, "fewer than " + minGroup + " people opened them");
            return null;
        }
        return percent(reached, audience);
    }

    /** Who the item was addressed to: its community's members at its publication, else the organisation. */
    private Set<String> audienceOf(ReachItem item) {
        if (item.community() == null) return organisation;
        Set<String> members = new HashSet<>();
        for (MembershipChange c : changes) { // sorted by time
            if (c.at().isAfter(item.published())) break;
            if (!item.community().equals(c.community())) continue;
            if (c.join()) members.add(c.person()); else members.remove(c.person());
        }
        return members;
    }

    /** The people of the audience who opened the item from its publication to the end of the period. */
    private Set<String> openersOf(ReachItem item, Set<String> audience) {
        Set<String> out = new HashSet<>();
        for (Opening o : openings) {
            if (o.item().equals(item.id()) && !o.at().isBefore(item.published()) && audience.contains(o.reader())) {
                out.add(o.reader());
            }
        }
        return out;
    }

    /**
     * The five readable announcements and cards of the period with the most openers from their audience (then the
     * highest reach, then id), each only when its audience and its openers are both at least minGroup people.
     */
    public List<Insights.ItemReach> topReach() {
        List<Insights.ItemReach> out = new ArrayList<>();
        for (ReachItem item : items) {
            if (!item.readable()) continue;
            Set<String> audience = audienceOf(item);
            long opened = openersOf(item, audience).size();
            if (audience.size() < minGroup || opened < minGroup) continue;
            out.add(new Insights.ItemReach(item.id(), item.kind().key(), item.title(), item.published(), audience.size(), opened,
                    percent(opened, audience.size())));
        }
        return out.stream().sorted(Comparator.comparingLong((Insights.ItemReach r) -> -r.openers())
                        .thenComparingDouble(r -> -r.reach()).thenComparing(Insights.ItemReach::id))
                .limit(TOP).toList();
    }

    /** The first comment on the question by someone else, up to the end of the requested period. */
    private Instant firstReply(Fact question) {
        for (Fact f : facts) { // sorted by time
            if (f.kind() == Fact.Kind.COMMENT && question.id().equals(f.thread()) && !question.author().equals(f.author())
                    && !f.at().isBefore(question.at())) {
                return f.at();
            }
        }
        return null;
    }

    /** {members at the end of [s, e], joins within it, leaves within it}, replaying the changes in order. */
    private long[] members(Instant s, Instant e) {
        Map<String, Set<String>> communitiesOf = new HashMap<>();
        long joins = 0, leaves = 0;
        for (MembershipChange c : changes) {
            if (c.at().isAfter(e)) break;
            Set<String> mine = communitiesOf.computeIfAbsent(c.person(), k -> new HashSet<>());
            boolean wasMember = !mine.isEmpty();
            if (c.join()) mine.add(c.community()); else mine.remove(c.community());
            boolean isMember = !mine.isEmpty();
            if (!c.at().isBefore(s)) {
                if (!wasMember && isMember) joins++;
                if (wasMember && !isMember) leaves++;
            }
        }
        long now = communitiesOf.values().stream().filter(m -> !m.isEmpty()).count();
        return new long[]{now, joins, leaves};
    }

    static Double median(List<Long> values) {
        if (values.isEmpty()) return null;
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The 1% / 9% / 90% shares of content; group sizes: ceil(1% of n), ceil(10% of n) minus that, the rest. */
    static Insights.Participation participation(java.util.Collection<Long> perContributor) {
        List<Long> ranked = perContributor.stream().sorted(Comparator.reverseOrder()).toList();
        int n = ranked.size();
        long total = ranked.stream().mapToLong(Long::longValue).sum();
        int top1 = (int) Math.ceil(n * 0.01);
        int top10 = (int) Math.ceil(n * 0.10);
        long first = ranked.subList(0, top1).stream().mapToLong(Long::longValue).sum();
        long next = ranked.subList(top1, top10).stream().mapToLong(Long::longValue).sum();
        long rest = total - first - next;
        return new Insights.Participation(percent(first, total), percent(next, total), percent(rest, total));
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 1000.0 / total) / 10.0;
    }

    /** The most used hashtags of readable content, each used by at least minGroup people; none when the period is withheld. */
    public List<Insights.Hashtag> topHashtags() {
        if (!periodShown()) return List.of();
        Map<String, Long> uses = new TreeMap<>();
        Map<String, Set<String>> authors = new HashMap<>();
        for (Fact f : facts) {
            if (!f.content() || !f.readable()) continue;
            for (String tag : new HashSet<>(f.hashtags())) {
                uses.merge(tag, 1L, Long::sum);
                authors.computeIfAbsent(tag, k -> new HashSet<>()).add(f.author());
            }
        }
        return uses.entrySet().stream()
                .filter(t -> authors.get(t.getKey()).size() >= minGroup)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_HASHTAGS)
                .map(t -> new Insights.Hashtag(t.getKey(), t.getValue(), authors.get(t.getKey()).size()))
                .toList();
    }

    /** The five people with the most readable posts + comments (reactions break ties); none when the period is withheld. */
    public List<Insights.Contributor> topContributors(Map<String, String> names) {
        if (!periodShown()) return List.of();
        Map<String, long[]> byPerson = new HashMap<>();
        for (Fact f : facts) {
            if (!f.readable()) continue;
            byPerson.computeIfAbsent(f.author(), k -> new long[3])[f.kind().ordinal()]++;
        }
        return byPerson.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] > 0)
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -(e.getValue()[0] + e.getValue()[1]))
                        .thenComparingLong(e -> -e.getValue()[2]).thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> new Insights.Contributor(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    /** The five readable posts of the period with the most comments + reactions received during it. */
    public List<Insights.TopPost> topPosts() {
        if (!periodShown()) return List.of();
        Map<String, long[]> received = new HashMap<>();
        for (Fact f : facts) {
            if (f.kind() != Fact.Kind.POST && f.thread() != null) {
                received.computeIfAbsent(f.thread(), k -> new long[2])[f.kind() == Fact.Kind.COMMENT ? 0 : 1]++;
            }
        }
        return facts.stream().filter(f -> f.kind() == Fact.Kind.POST && f.readable())
                .map(p -> {
                    long[] r = received.getOrDefault(p.id(), new long[2]);
                    return new Insights.TopPost(p.id(), p.title(), p.author(), p.at(), r[0], r[1]);
                })
                .sorted(Comparator.comparingLong((Insights.TopPost p) -> -(p.comments() + p.reactions()))
                        .thenComparing(Insights.TopPost::id))
                .limit(TOP)
                .toList();
    }

    /** Whether the whole period has enough active people for anything about people to be listed. */
    public boolean periodShown() {
        return facts.stream().map(Fact::author).distinct().count() >= minGroup;
    }

    /** The people whose names the top contributors need. */
    public Set<String> authors() {
        Set<String> out = new HashSet<>();
        for (Fact f : facts) if (f.readable()) out.add(f.author());
        return out;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
