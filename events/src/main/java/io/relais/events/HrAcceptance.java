package io.relais.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A hire is shown once the owner of people has made the person an employee. The HR connector's {@code Create} of an
 * {@code employee.hired} card is an instruction to profile-service, which may refuse it (a login HR already has as an
 * active person, invalid data: {@code HrLifecycle}); only when it applies the hire does profile-service announce the
 * very same card, through its outbox, as {@link #accepted}: {@code relais.acceptedBy} = {@link #ACCEPTED_BY}. The features that show cards
 * (feed-service's card projection, fan-out, live push and notifications; search-service's index) take the accepted
 * one and pass the connector's over ({@link #awaitsAcceptance}), so a refused hire never becomes a welcome card that
 * names someone else's login. {@link SourceAuthority} grants the accepted form to profile-service alone
 * ({@link SourceAuthority.Fact#ACCEPTED_HR_CARD}), so a connector cannot skip the check by naming that actor.
 * <p>
 * Moves, leaves and anniversaries are shown as the HR connector sends them: they introduce nobody.
 */
public final class HrAcceptance {

    /** The HR event type of a hire ({@code relais.business.eventType}). */
    public static final String HIRED = "employee.hired";

    /** Who applies hires, named by an accepted one's {@code relais.acceptedBy}: {@code urn:relais:service:profile-service}. */
    public static final String ACCEPTED_BY = Iri.of(Iri.SERVICE, "profile-service");

    private HrAcceptance() {
    }

    /**
     * Whether this is a Create or Update of an HR {@code employee.hired} card, as the connector sent it or as accepted
     * (the HR mappings publish Creates; an Update is held to the same rule, or it could bring a refused hire back).
     */
    public static boolean isHrPersonCard(Activity a) {
        if (a == null || !(As2.CREATE.equals(a.type()) || As2.UPDATE.equals(a.type()))) return false;
        return RelaisExtension.businessOf(a)
                .filter(b -> SourceAuthority.HR_SOURCE.equals(b.source()) && HIRED.equals(b.eventType()))
                .isPresent();
    }

    /** The HR connector's hire: applied by profile-service, never shown as a card itself. */
    public static boolean awaitsAcceptance(Activity a) {
        return isHrPersonCard(a) && !accepts(a);
    }

    /** profile-service's announcement that it applied a hire: the card that is shown. */
    public static boolean isAccepted(Activity a) {
        return isHrPersonCard(a) && accepts(a);
    }

    /** The activities of a poll but the HR connector's hires ({@link #awaitsAcceptance}), in their order. */
    public static List<Activity> withoutAwaitingAcceptance(List<Activity> activities) {
        for (Activity a : activities) {
            if (awaitsAcceptance(a)) return activities.stream().filter(x -> !awaitsAcceptance(x)).toList();
        }
        return activities;
    }

    /**
     * The announcement of an applied hire: the hire unchanged (actor, object with its IRI, audience, generator,
     * business fields, times), with {@code relais.acceptedBy} = {@link #ACCEPTED_BY} and an id derived from the hire's
     * ({@code <hire id>.accepted}), so announcing a redelivered hire again publishes the same activity.
     *
     * @param hire an activity for which {@link #awaitsAcceptance} holds
     * @throws IllegalArgumentException for anything else
     */
    public static Activity accepted(Activity hire) {
        if (!awaitsAcceptance(hire)) throw new IllegalArgumentException("not an HR hire awaiting acceptance: " + hire.id());
        String local = Iri.localId(Objects.requireNonNull(hire.id(), "a hire's id"));
        Map<String, Object> relais = new LinkedHashMap<>(hire.relais() == null ? Map.of() : hire.relais());
        relais.put(RelaisExtension.ACCEPTED_BY, ACCEPTED_BY);
        return hire.toBuilder().id(Iri.of(Iri.ACTIVITY, local + ".accepted")).relais(relais).build();
    }

    private static boolean accepts(Activity a) {
        return RelaisExtension.of(a).acceptedBy().filter(ACCEPTED_BY::equals).isPresent();
    }
}
