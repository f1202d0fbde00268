package io.relais.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "x1@corp.example", "a+b", "jean-luc.picard", "a", "007", "o_brien"})
    void whatScimAcceptsIsALogin(String login) {
        assertThat(Login.isValid(login)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-alice", "alice.", "a@b@c", "al ice", "al/ice", "ali:ce", "josé", "@alice", "alice@"})
    void whatIsNotALogin(String login) {
        assertThat(Login.isValid(login)).isFalse();
    }

    @Test
    void aLoginIsAtMostAHundredCharacters() {
        assertThat(Login.isValid("a".repeat(100))).isTrue();
        assertThat(Login.isValid("a".repeat(101))).isFalse();
    }

    @Test
    void theNormalFormIsCleanedTrimmedAndLowerCased() {
        assertThat(Login.normalise("  Alice\u200B ")).isEqualTo("alice");
        assertThat(Login.normalise("X1@Corp.Example\u0000")).isEqualTo("x1@corp.example");
        assertThat(Login.normalise(null)).isNull();
        assertThat(Login.isValid("  ALICE  ")).isTrue();
    }

    @Test
    void aMentionOfAnEmailShapedLoginMentionsThatPersonNotTheLocalPart() {
        assertThat(Login.mentions("merci @x1@corp.example pour le point")).containsExactly("x1@corp.example");
        assertThat(Login.parseMention("@x1@corp.example")).contains("x1@corp.example");
        assertThat(Login.mention("X1@Corp.example")).isEqualTo("@x1@corp.example");
    }

    @Test
    void punctuationAfterAMentionIsNotPartOfTheLogin() {
        assertThat(Login.mentions("Thanks @alice. And @bob, @carol! (@dave) @x1@corp.example.")).
                containsExactly("alice", "bob", "carol", "dave", "x1@corp.example");
    }

    @Test
    void anEmailAddressInProseIsNotAMention() {
        assertThat(Login.mentions("write to bob@corp.example or a+b@corp.example")).isEmpty();
    }

    @Test
    void mentionsAreNormalisedAndListedOnce() {
        assertThat(Login.mentions("@Alice @alice @ALICE @a+b")).containsExactly("alice", "a+b");
    }

    @Test
    void tokensThatAreNotOneMentionOfAValidLoginParseToNothing() {
        assertThat(Login.parseMention("alice")).isEmpty();
        assertThat(Login.parseMention("@a@b@c")).isEmpty();
        assertThat(Login.parseMention("@" + "a".repeat(101))).isEmpty();
        assertThat(Login.parseMention("@alice bob")).isEmpty();
        assertThatThrownBy(() -> Login.mention("not a login")).isInstanceOf(IllegalArgumentException.class);
    }
}
