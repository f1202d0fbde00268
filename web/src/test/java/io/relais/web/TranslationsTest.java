package io.relais.web;

import io.quarkus.qute.i18n.Message;
import io.relais.web.layout.Msg;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI is complete in French: every English message has its French text, and no French text is left over. */
class TranslationsTest {

    @Test
    void everyMessageHasItsFrenchText() throws IOException {
        Properties fr = french();
        Set<String> missing = new TreeSet<>(keys());
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());

        assertThat(missing).as("messages of Msg without a French text in msg_fr.properties").isEmpty();
    }

    @Test
    void noFrenchTextIsLeftWithoutItsMessage() throws IOException {
        Set<String> stale = new TreeSet<>(french().stringPropertyNames());
        stale.removeAll(keys());

        assertThat(stale).as("keys of msg_fr.properties that Msg no longer has").isEmpty();
    }

    @Test
    void everyEmptyStateMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Properties fr = french("/messages/empty_fr.properties");
        Set<String> keys = keys(io.relais.web.layout.EmptyStateMsg.class);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
        Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
        stale.removeAll(keys);

        assertThat(missing).as("messages of EmptyStateMsg without a French text in empty_fr.properties").isEmpty();
        assertThat(stale).as("keys of empty_fr.properties that EmptyStateMsg no longer has").isEmpty();
    }

    @Test
    void everyProfileEditMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Properties fr = french("/messages/prof_fr.properties");
        Set<String> keys = keys(io.relais.web.people.ProfileMsg.class);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
        Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
        stale.removeAll(keys);

        assertThat(missing).as("messages of ProfileMsg without a French text in prof_fr.properties").isEmpty();
        assertThat(stale).as("keys of prof_fr.properties that ProfileMsg no longer has").isEmpty();
    }

    @Test
    void everyReactionMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Properties fr = french("/messages/rx_fr.properties");
        Set<String> keys = keys(io.relais.web.feed.ReactionMsg.class);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
        Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
        stale.removeAll(keys);

        assertThat(missing).as("messages of ReactionMsg without a French text in rx_fr.properties").isEmpty();
        assertThat(stale).as("keys of rx_fr.properties that ReactionMsg no longer has").isEmpty();
    }

    @Test
    void everyNotificationCardAndStatusMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Map<Class<?>, String> bundles = Map.of(io.relais.web.notification.NotificationMsg.class, "/messages/notif_fr.properties",
                io.relais.web.feed.CardMsg.class, "/messages/cards_fr.properties",
                io.relais.web.layout.StatusMsg.class, "/messages/st_fr.properties");
        for (Map.Entry<Class<?>, String> bundle : bundles.entrySet()) {
            Properties fr = french(bundle.getValue());
            Set<String> keys = keys(bundle.getKey());
            Set<String> missing = new TreeSet<>(keys);
            missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
            Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
            stale.removeAll(keys);

            assertThat(missing).as("messages of %s without a French text in %s", bundle.getKey().getSimpleName(), bundle.getValue()).isEmpty();
            assertThat(stale).as("keys of %s that %s no longer has", bundle.getValue(), bundle.getKey().getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyModerationMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Properties fr = french("/messages/mod_fr.properties");
        Set<String> keys = keys(io.relais.web.moderation.ModerationMsg.class);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
        Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
        stale.removeAll(keys);

        assertThat(missing).as("messages of ModerationMsg without a French text in mod_fr.properties").isEmpty();
        assertThat(stale).as("keys of mod_fr.properties that ModerationMsg no longer has").isEmpty();
    }

    @Test
    void everyCommunityMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Properties fr = french("/messages/com_fr.properties");
        Set<String> keys = keys(io.relais.web.community.CommunityMsg.class);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
        Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
        stale.removeAll(keys);

        assertThat(missing).as("messages of CommunityMsg without a French text in com_fr.properties").isEmpty();
        assertThat(stale).as("keys of com_fr.properties that CommunityMsg no longer has").isEmpty();
    }

    @Test
    void everyLiveMessageHasItsFrenchTextAndNoneIsLeftOver() throws IOException {
        Properties fr = french("/messages/live_fr.properties");
        Set<String> keys = keys(io.relais.web.live.LiveMsg.class);
        Set<String> missing = new TreeSet<>(keys);
        missing.removeIf(k -> fr.getProperty(k) != null && !fr.getProperty(k).isBlank());
        Set<String> stale = new TreeSet<>(fr.stringPropertyNames());
        stale.removeAll(keys);

        assertThat(missing).as("messages of LiveMsg without a French text in live_fr.properties").isEmpty();
        assertThat(stale).as("keys of live_fr.properties that LiveMsg no longer has").isEmpty();
    }

    /**
     * Past 300 messages Quarkus splits a bundle's generated resolver, and here that split code failed to verify when
     * the web app started (VerifyError "Bad type on operand stack"): a page's new texts go to a bundle of their own
     * ({@code notif:}, {@code cards:}, {@code st:}, …), and this says so at build time rather than at start-up.
     */
    @Test
    void noBundleHoldsMoreThanThreeHundredMessages() {
        for (Class<?> bundle : java.util.List.of(Msg.class, io.relais.web.notification.NotificationMsg.class,
                io.relais.web.feed.CardMsg.class, io.relais.web.layout.StatusMsg.class)) {
            assertThat(keys(bundle).size()).as("messages of %s", bundle.getSimpleName()).isLessThanOrEqualTo(300);
        }
    }

    private static Set<String> keys() {
        return keys(Msg.class);
    }

    private static Set<String> keys(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class))
                .map(Method::getName).collect(Collectors.toSet());
    }

    private static Properties french() throws IOException {
        return french("/messages/msg_fr.properties");
    }

    private static Properties french(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
