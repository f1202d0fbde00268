package io.relais.profile.person;

import java.util.Set;

/**
 * Which of a person's listed skills a colleague endorsed, for the {@code endorsedByMe} flags of
 * {@link PersonView}. Endorsements are owned by the expertise feature, which implements this; the
 * person feature only asks, so it does not depend on expertise (expertise depends on person).
 */
public interface SkillEndorsements {

    /**
     * @param target the profile shown
     * @param viewer the normalised login of the colleague looking at it
     * @return the skill keys ({@link Skills#key}) of {@code target} that {@code viewer} endorsed; empty, never null
     */
    Set<String> endorsedBy(Person target, String viewer);
}
