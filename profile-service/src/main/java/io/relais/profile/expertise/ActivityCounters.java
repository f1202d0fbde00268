package io.relais.profile.expertise;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.events.RelaisExtension;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.ProfileWritten;
import io.relais.profile.person.Skills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.TreeSet;

/**
 * Counts what people write (posts and comments), and what they write about their own skills
 * (hashtags matching a listed skill): the "activity" half of who-knows-X ranking.
 *
 * <p>Only writings everyone may read now are counted: addressed to the whole organisation
 * ({@link AudienceRule#isOrganisationWide}, the shared visibility rule), not hidden by moderation, not deleted. The
 * counters are kept once per person and shown to every employee who asks "who knows X", so a post in a private or
 * secret community, one addressed to a few people, one a moderator hid or removed or its author deleted, must not
 * weigh in a ranking that readers who cannot see it read (issue 12, "trimming everywhere"): the figure would tell
 * them it exists. Members of such a community therefore see the same, lower, figure as everyone else.
 *
 * <p>What each writing added is remembered ({@link CountedWritings}: the author, 0 or 1, the skill keys it counted
 * for, keyed by the post or comment IRI), so feed-service's later
 * {@code Update} (an edit, a hide or a restore, which carry the whole object with its moderation state) or
 * {@code Delete} (its author, a moderator's removal, retention, an erasure) moves the counters by the difference. One
 * writing's activities share its thread's record key, so they arrive in order; applying one again changes nothing.
 * Writings counted before this record was kept are left as they are (a Delete of one finds nothing to take back).
 */
@ApplicationScoped
public class ActivityCounters {

    private static final Set<String> WRITINGS = Set.of(As2.NOTE, As2.ARTICLE, As2.QUESTION);

    @Inject
    PersonRepository people;

    @Inject
    CountedWritings counted;

    /**
     * Whether an activity concerns the counters: the Create of a post or comment (Note, Article, Question) by a person,
     * addressed to the whole organisation; or an Update of a post or comment, or a Delete of one (its Tombstone).
     */
    public static boolean counts(Activity a) {
        if (a.object() == null || a.type() == null) return false;
        return switch (a.type()) {
            case As2.CREATE -> WRITINGS.contains(a.object().type()) && Iri.isKind(a.actor(), Iri.PERSON)
                    && AudienceRule.isOrganisationWide(a.audience());
            case As2.UPDATE -> WRITINGS.contains(a.object().type()) && a.object().id() != null;
            case As2.DELETE -> Iri.isKind(a.object().id(), Iri.POST) || Iri.isKind(a.object().id(), Iri.COMMENT);
            default -> false;
        };
    }

    /**
     * Applies a Create, Update or Delete ({@link #counts}): the writing's contribution now, minus what it had added.
     * A Create is called once per activity (the caller deduplicates deliveries); an Update or Delete of a writing this
     * record does not hold changes nothing.
     */
    public void count(Activity a) {
        String id = a.object().id();
        CountedWritings.Counted was = id == null ? null : counted.find(id).orElse(null);
        String author;
        if (As2.CREATE.equals(a.type())) {
            author = Iri.localId(a.actor());
        } else {
            if (was == null) return; // not counted by this record: before it was kept, or never counted
            author = was.author();
        }
        int activityBefore = was == null ? 0 : was.activity();
        Set<String> skillsBefore = was == null ? Set.of() : was.skills();
        int activityNow = 0;
        Set<String> skillsNow = new TreeSet<>();
        if (!As2.DELETE.equals(a.type()) && readableByEveryone(a)) {
            Person p = people.find(author).orElse(null);
            if (p != null) { // no profile yet: nothing to rank
                activityNow = 1;
                for (String hashtag : a.object().hashtags()) {
                    String tag = squash(Iri.localId(hashtag));
                    p.skills.stream().map(Skills::key).filter(k -> squash(k).equals(tag)).findFirst().ifPresent(skillsNow::add);
                }
            }
        }
        // the record first: a crash before the counters loses one count, never counts one twice
        if (As2.DELETE.equals(a.type())) {
            counted.remove(id);
        } else if (id != null) {
            counted.put(id, new CountedWritings.Counted(author, activityNow, skillsNow));
        }
        if (activityNow != activityBefore) people.increment(author, "activityCount", activityNow - activityBefore);
        for (String key : skillsBefore) {
            if (!skillsNow.contains(key)) people.increment(author, Skills.counterPath("topicalActivity", key), -1);
        }
        for (String key : skillsNow) {
            if (!skillsBefore.contains(key)) people.increment(author, Skills.counterPath("topicalActivity", key), 1);
        }
    }

    /** Addressed to the whole organisation and not hidden by moderation (a keyword rule's hold, a moderator's hide). */
    private static boolean readableByEveryone(Activity a) {
        boolean hidden = RelaisExtension.of(a.object()).moderation().map(RelaisExtension.Moderation::hidden).orElse(false);
        return !hidden && AudienceRule.isOrganisationWide(a.audience());
    }

    /** An erased person's records go with them (their login is all that is kept, and nothing of them may stay). */
    void onProfileWritten(@Observes ProfileWritten write) {
        if (write.erased()) counted.forgetAuthor(write.login());
    }

    /** "#MachineLearning" matches the skill "Machine learning". */
    private static String squash(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", "");
    }
}
