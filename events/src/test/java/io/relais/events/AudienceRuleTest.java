package io.relais.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of viewer against every kind of audience: the one rule all read paths share. */
class AudienceRuleTest {

    static final String ALICE = Iri.person("alice");
    static final String BOB = Iri.person("bob");
    static final String GUILD = Iri.community("data-guild");
    static final String SECRET = Iri.community("mergers");

    static final Viewer EMPLOYEE_NO_COMMUNITY = Viewer.employee(BOB, Set.of());
    static final Viewer GUILD_MEMBER = Viewer.employee(BOB, Set.of(GUILD));
    static final Viewer SECRET_MEMBER = Viewer.employee(BOB, Set.of(SECRET));
    static final Viewer GUEST = Viewer.guest(BOB, Set.of());
    static final Viewer GUEST_IN_GUILD = Viewer.guest(BOB, Set.of(GUILD));

    static Stream<Arguments> matrix() {
        return Stream.of(
                // viewer, audience, visible
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(Audience.ORGANISATION), true),
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(Audience.AS_PUBLIC), true),
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(GUILD), false),
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(SECRET), false),
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(BOB), true),
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(Iri.person("carol")), false),
                Arguments.of(EMPLOYEE_NO_COMMUNITY, List.of(), false),
                Arguments.of(GUILD_MEMBER, List.of(GUILD), true),
                Arguments.of(GUILD_MEMBER, List.of(SECRET), false),
                Arguments.of(GUILD_MEMBER, List.of(GUILD, Audience.ORGANISATION), true),
                Arguments.of(SECRET_MEMBER, List.of(SECRET), true),
                Arguments.of(SECRET_MEMBER, List.of(GUILD), false),
                Arguments.of(GUEST, List.of(Audience.ORGANISATION), false),
                Arguments.of(GUEST, List.of(Audience.AS_PUBLIC), false),
                Arguments.of(GUEST, List.of(BOB), true),
                Arguments.of(GUEST_IN_GUILD, List.of(GUILD), true),
                Arguments.of(GUEST_IN_GUILD, List.of(SECRET, Audience.ORGANISATION), false));
    }

    @ParameterizedTest(name = "{0} sees {1}: {2}")
    @MethodSource("matrix")
    void decidesVisibilityFromTheAudience(Viewer viewer, List<String> audience, boolean visible) {
        assertThat(AudienceRule.canSee(viewer, ALICE, audience)).isEqualTo(visible);
    }

    @ParameterizedTest(name = "{0} with audience {1}: keys agree with the rule")
    @MethodSource("matrix")
    void audienceKeysExpressTheSameRuleAsASetIntersection(Viewer viewer, List<String> audience, boolean visible) {
        boolean intersects = audience.stream().anyMatch(viewer.audienceKeys()::contains);
        assertThat(intersects).isEqualTo(visible);
    }

    @Test
    void anAuthorAlwaysSeesTheirOwnContentEvenAddressedToNobody() {
        assertThat(AudienceRule.canSee(Viewer.employee(ALICE, Set.of()), ALICE, List.of())).isTrue();
        assertThat(AudienceRule.canSee(Viewer.employee(ALICE, Set.of()), ALICE, List.of(SECRET))).isTrue();
    }

    @Test
    void nobodyWithoutIdentitySeesAnything() {
        assertThat(AudienceRule.canSee(null, ALICE, List.of(Audience.ORGANISATION))).isFalse();
    }

    @Test
    void theActivityAudienceIncludesTheObjectAddressing() {
        Activity a = Activity.builder().type(As2.CREATE).actor(ALICE)
                .object(AsObject.builder().id(Iri.post("p")).type(As2.NOTE).attributedTo(ALICE).to(GUILD).build())
                .build();
        assertThat(AudienceRule.canSee(GUILD_MEMBER, a)).isTrue();
        assertThat(AudienceRule.canSee(EMPLOYEE_NO_COMMUNITY, a)).isFalse();
    }
}
