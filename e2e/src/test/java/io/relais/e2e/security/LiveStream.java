package io.relais.e2e.security;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One person's live push ({@code GET /api/live}, server-sent events) held open in the background, everything
 * it delivers kept as text so a test can ask what reached that person's browser.
 */
final class LiveStream implements AutoCloseable {

    private final StringBuffer received = new StringBuffer();
    private final Thread reader;
    private volatile InputStream body;

    private LiveStream(String login) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.FEED + "/api/live"))
                .header("Authorization", "Bearer " + Stack.personToken(login))
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(10)).GET().build();
        reader = new Thread(() -> {
            try {
                HttpResponse<InputStream> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
                received.append("status: ").append(r.statusCode()).append('\n');
                body = r.body();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String l = lines.readLine(); l != null; l = lines.readLine()) received.append(l).append('\n');
                }
            } catch (Exception e) {
                received.append("closed: ").append(e.getClass().getSimpleName()).append('\n');
            }
        }, "live-" + login);
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of {@code login}; it is ready once the {@code ready} event arrived (see {@link #text}). */
    static LiveStream open(String login) {
        return new LiveStream(login);
    }

    /** Everything received so far: the status line, then the raw event lines. */
    String text() {
        return received.toString();
    }

    @Override
    public void close() {
        try {
            if (body != null) body.close();
        } catch (Exception ignored) {
            // closing a stream the server may already have closed
        }
        reader.interrupt();
    }
}
