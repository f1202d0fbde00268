package io.relais.profile.expertise;

import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AudienceRule;
import io.relais.events.Iri;
import io.relais.profile.person.Person;
import io.relais.profile.person.PersonRepository;
import io.relais.profile.person.Skills;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * Counts what people write (posts and comments), and what they write about their own skills
 * (hashtags matching a listed skill): the "activity" half of who-knows-X ranking.
 *
 * <p>Only writings the whole organisation may read are counted ({@link AudienceRule#isOrganisationWide},
 * the shared visibility rule): the counters are kept once per person and shown to every employee who asks
 * "who knows X", so a post in a private or secret community, or one addressed to a few people, must not
 * weigh in a ranking that non-members read (issue 12, "trimming everywhere"). Members of such a community
 * therefore see the same, lower, figure as everyone else: never more than the asker may see.
 */
@ApplicationScoped
public class ActivityCounters {

    private static final Set<String> WRITINGS = Set.of(As2.NOTE, As2.ARTICLE, As2.QUESTION);

    @Inject
    PersonRepository people;

    /**
     * Whether an activity counts: the Create of a post or comment (Note, Article, Question) by a person,
     * addressed to the whole organisation.
     */
    public static boolean counts(Activity a) {
        return As2.CREATE.equals(a.type()) && a.object() != null && WRITINGS.contains(a.object().type())
                && Iri.isKind(a.actor(), Iri.PERSON) && AudienceRule.isOrganisationWide(a.audience());
    }

    /** Call once per activity (the caller deduplicates deliveries). */
    public void count(Activity a) {
        String login = Iri.localId(a.actor());
        Person p = people.find(login).orElse(null);
        if (p == null) return; // no profile yet: nothing to rank
        people.increment(login, "activityCount", 1);
        for (String hashtag : a.object().hashtags()) {
            String tag = squash(Iri.localId(hashtag));
            p.skills.stream().map(Skills::key).filter(k -> squash(k).equals(tag)).findFirst()
                    .ifPresent(key -> people.increment(login, Skills.counterPath("topicalActivity", key), 1));
        }
    }

    /** "#MachineLearning" matches the skill "Machine learning". */
    private static String squash(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", "");
    }
}
