package io.relais.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HR card about a person is shown once the owner of people has applied it to a person others may see. The HR
 * connector's {@code Create} of an HR card ({@code employee.hired}, {@code .moved}, {@code .left},
 * {@code .anniversary}: every HR mapping names a person, {@code data.login}) is an instruction to profile-service, which
 * may refuse it (a second hire of an active person, invalid data), keep it for a hire to come (a move or leave of a
 * login nobody hired: a pending profile, seen by no one) or pass it over (a person erased, or HR dates it before the
 * erasure: {@code HrLifecycle}); only when it applies the event to a person who is then visible does profile-service
 * announce the very same card, through its outbox, as {@link #accepted}: {@code relais.acceptedBy} =
 * {@link #ACCEPTED_BY}. The features that show cards (feed-service's card projection, fan-out, live push and
 * notifications; search-service's index) take the accepted one and pass the connector's over
 * ({@link #awaitsAcceptance}), so no card names a login profile-service does not show: a refused hire, a pending or
 * erased login. {@link SourceAuthority} grants the accepted form to profile-service alone
 * ({@link SourceAuthority.Fact#ACCEPTED_HR_CARD}), so a connector cannot skip the check by naming that actor.
 * <p>
 * Deny by default: any HR card (a Create or Update carrying {@code relais.business} with {@code source: hr}, on
 * anything but a Person) awaits acceptance, so an HR event type profile-service does not apply is shown to no one.
 */
public final class HrAcceptance {

    /** The HR event type of a hire ({@code relais.business.eventType}). */
    public static final String HIRED = "employee.hired";

    /** Who applies HR cards, named by an accepted one's {@code relais.acceptedBy}: {@code urn:relais:service:profile-service}. */
    public static final String ACCEPTED_BY = Iri.of(Iri.SERVICE, "profile-service");

    private HrAcceptance() {
    }

    /**
     * Whether this is a Create or Update of an HR card about a person ({@code relais.business.source} = {@code hr}, its
     * object not a Person), as the connector sent it or as accepted (the HR mappings publish Creates; an Update is
     * held to the same rule, or it could bring a refused card back).
     */
    public static boolean isHrPersonCard(Activity a) {
        if (a == null || !(As2.CREATE.equals(a.type()) || As2.UPDATE.equals(a.type()))) return false;
        if (SourceAuthority.isPerson(a.object())) return false; // a profile snapshot, not a card
        return RelaisExtension.businessOf(a).filter(b -> SourceAuthority.HR_SOURCE.equals(b.source())).isPresent();
    }

    /** The HR connector's card: applied by profile-service, never shown as a card itself. */
    public static boolean awaitsAcceptance(Activity a) {
        return isHrPersonCard(a) && !accepts(a);
    }

    /** profile-service's announcement that it applied an HR event to a visible person: the card that is shown. */
    public static boolean isAccepted(Activity a) {
        return isHrPersonCard(a) && accepts(a);
    }

    /** The activities of a poll but the HR connector's cards ({@link #awaitsAcceptance}), in their order. */
    public static List<Activity> withoutAwaitingAcceptance(List<Activity> activities) {
        for (Activity a : activities) {
            if (awaitsAcceptance(a)) return activities.stream().filter(x -> !awaitsAcceptance(x)).toList();
        }
        return activities;
    }

    /**
     * The announcement of an applied HR event: its card unchanged (actor, object with its IRI, audience, generator,
     * business fields, times), with {@code relais.acceptedBy} = {@link #ACCEPTED_BY} and an id derived from the card's
     * ({@code <card id>.accepted}), so announcing a redelivered event again publishes the same activity.
     *
     * @param card an activity for which {@link #awaitsAcceptance} holds
     * @throws IllegalArgumentException for anything else
     */
    public static Activity accepted(Activity card) {
        if (!awaitsAcceptance(card)) throw new IllegalArgumentException("not an HR card awaiting acceptance: " + card.id());
        String local = Iri.localId(Objects.requireNonNull(card.id(), "an HR card's id"));
        Map<String, Object> relais = new LinkedHashMap<>(card.relais() == null ? Map.of() : card.relais());
        relais.put(RelaisExtension.ACCEPTED_BY, ACCEPTED_BY);
        return card.toBuilder().id(Iri.of(Iri.ACTIVITY, local + ".accepted")).relais(relais).build();
    }

    private static boolean accepts(Activity a) {
        return RelaisExtension.of(a).acceptedBy().filter(ACCEPTED_BY::equals).isPresent();
    }
}
