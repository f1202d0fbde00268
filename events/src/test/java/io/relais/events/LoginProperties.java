package io.relais.events;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Property-based checks of the login and mention rule over generated logins and surrounding text. */
class LoginProperties {

    @Provide
    Arbitrary<String> logins() {
        Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('0', '9');
        Arbitrary<String> inner = Arbitraries.strings().withChars("abcxyz0189._+-").ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> plain = Combinators.combine(edge, inner, edge).as((a, m, z) -> a + m + z);
        Arbitrary<String> single = edge.map(String::valueOf);
        Arbitrary<String> emailShaped = Combinators.combine(plain, plain).as((l, d) -> l + "@" + d);
        return Arbitraries.oneOf(single, plain, emailShaped).filter(Login::isValid);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", ". ", ", ", "! ", "? ", ") ", ": ", "\n", "' ", " — ");
    }

    @Property
    void everyValidLoginRoundTripsThroughItsMention(@ForAll("logins") String login) {
        assertThat(Login.parseMention(Login.mention(login))).contains(login);
        assertThat(Login.mentions(Login.mention(login))).containsExactly(login);
    }

    @Property
    void aMentionInProseFollowedByPunctuationFindsExactlyThatLogin(@ForAll("logins") String login,
                                                                   @ForAll("separators") String after) {
        String text = "Bonjour " + Login.mention(login) + after + "la suite";
        assertThat(Login.mentions(text)).isEqualTo(List.of(login));
    }

    @Property
    void aLoginWrittenInAnyCaseOrWithInvisibleCharactersNormalisesToTheSameLogin(@ForAll("logins") String login) {
        String written = " " + login.toUpperCase(java.util.Locale.ROOT).replace("A", "A\u200B") + "\u0000";
        assertThat(Login.normalise(written)).isEqualTo(login);
        assertThat(Login.isValid(written)).isTrue();
    }

    @Property
    void anAddressGluedToAWordIsNeverAMention(@ForAll("logins") String login) {
        assertThat(Login.mentions("contact" + Login.mention(login))).isEmpty();
    }

    @Property
    void everythingFoundIsAValidNormalisedLogin(@ForAll String text) {
        for (String found : Login.mentions(text)) {
            assertThat(Login.isValid(found)).isTrue();
            assertThat(Login.normalise(found)).isEqualTo(found);
        }
    }
}
