package io.relais.e2e.browser;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live stream as the browser receives it, through both services: feed-service's {@code /api/live} relayed by the
 * web's {@code /live}. Each event is HTML's server-sent event and nothing more: {@code event:} and {@code data:} lines,
 * an {@code id:} only with a value (an empty one resets the browser's Last-Event-ID), no field the spec does not
 * define (feed-service once wrote a {@code content-type:} line into each event, the web an empty {@code id:}).
 */
class LiveEventsRelayedTest {

    @Test
    void theWebsLiveStreamCarriesOnlyServerSentEventFields() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");
            // the page's own session reads the stream as its EventSource does, until feed-service's "ready" event ended
            String text = (String) alice.jsAsync("""
                    var done = arguments[arguments.length - 1], controller = new AbortController(), text = '';
                    fetch('/live', {headers: {Accept: 'text/event-stream'}, signal: controller.signal}).then(function (r) {
                      var reader = r.body.getReader(), decoder = new TextDecoder();
                      function next() {
                        reader.read().then(function (chunk) {
                          if (!chunk.done) text += decoder.decode(chunk.value, {stream: true});
                          if (chunk.done || /event: ?ready\\r?\\n(.*\\r?\\n)*?\\r?\\n/.test(text)) { controller.abort(); done(text); }
                          else next();
                        }).catch(function (e) { done(text + '\\nfailed: ' + e); });
                      }
                      next();
                    }).catch(function (e) { done('failed: ' + e); });
                    """);

            List<String> lines = Arrays.stream(text.split("\\r?\\n")).filter(l -> !l.isEmpty()).toList();
            assertThat(lines).as(text).anyMatch(l -> l.matches("event: ?ready"));
            assertThat(lines).as(text).allMatch(l -> l.startsWith(":") || l.matches("(event|data|retry): ?.*")
                    || l.matches("id: ?\\S.*"));
        }
    }
}
