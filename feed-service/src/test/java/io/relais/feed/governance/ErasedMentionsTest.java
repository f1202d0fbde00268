package io.relais.feed.governance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mention rewrite of an erasure, as plain logic: which {@code @login} goes, which text stays. */
class ErasedMentionsTest {

    @Test
    void everyMentionOfTheErasedLoginBecomesPlainTextWhateverItsCase() {
        assertThat(ErasedMentions.unlinked("Merci @zoe.l et @Zoe.L !", "zoe.l"))
                .isEqualTo("Merci former employee et former employee !");
    }

    @Test
    void otherLoginsAndAddressesAreLeftAsWritten() {
        assertThat(ErasedMentions.unlinked("@zoe.long, @bob et zoe.l@corp.example", "zoe.l"))
                .isEqualTo("@zoe.long, @bob et zoe.l@corp.example");
    }

    @Test
    void inSanitisedHtmlTheEscapedAtSignIsReadAsAMention() {
        assertThat(ErasedMentions.unlinkedHtml("<p>Merci &#64;zoe.l et &#64;bob</p>", "zoe.l"))
                .isEqualTo("<p>Merci former employee et &#64;bob</p>");
    }
}
