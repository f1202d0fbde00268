package io.relais.feed.reading;

import io.quarkus.scheduler.Scheduled;
import io.relais.events.Activity;
import io.relais.events.As2;
import io.relais.events.AsObject;
import io.relais.feed.community.MembershipService;
import io.relais.feed.profile.PersonErased;
import io.relais.feed.thread.Post;
import io.relais.feed.thread.ThreadAccess;
import io.relais.kit.identity.CurrentPerson;
import io.relais.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Opens (issue 15, reach of announcements and cards): a person opened a post, an announcement or a business card
 * they may see. The first open of an item by a person on a UTC day is kept under a key
 * ({@link ViewStore}) and announced as an AS2 {@code View} through the outbox; a reload that day publishes nothing.
 *
 * <p>The View is addressed to nobody ({@code to}/{@code cc} empty), so no reader projection (feeds, notifications,
 * live push, the search content index) shows it, and only feed-service may assert it
 * ({@code SourceAuthority.Fact.READING}). Its {@code target} is the community the item lives in (absent for an
 * organisation-wide item), so a community's analytics count its own opens. Nothing here answers who opened what:
 * search-service keeps only what it needs to count distinct openers.
 */
@ApplicationScoped
public class ViewService {

    @Inject
    ThreadAccess access;

    @Inject
    MembershipService memberships;

    @Inject
    ViewStore views;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /**
     * Records that the person opened the item.
     *
     * @param objectIri a post, announcement or card IRI (already checked against {@link ViewRequests#OBJECT_IRI})
     * @return true when this was the person's first open of the item today (a View was published), false otherwise
     * @throws io.relais.kit.error.ProblemException 404 when the item does not exist, is deleted, or the person may not see it
     */
    public boolean open(String objectIri, CurrentPerson me) {
        Post item = access.visiblePost(ThreadAccess.postIri(objectIri), memberships.viewerOf(me));
        Instant now = clock.instant();
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (!views.insertIfAbsent(item.iri(), me.iri(), day, Date.from(now))) return false;
        outbox.append(Activity.builder().type(As2.VIEW).actor(me.iri()).object(AsObject.ref(item.iri()))
                .target(item.community()).published(now).build());
        return true;
    }

    /** Yesterday's keys are no longer needed to decide "first open today" (the store has no working TTL index). */
    @Scheduled(every = "1h", delayed = "5m")
    void forgetPastDays() {
        views.removeBefore(clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** An erased person's opens go with them (repeatable: a second delivery removes nothing). */
    void onPersonErased(@Observes PersonErased erased) {
        views.removeOf(erased.personIri());
    }
}
