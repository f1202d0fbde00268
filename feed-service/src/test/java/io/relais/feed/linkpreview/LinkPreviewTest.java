package io.relais.feed.linkpreview;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relais.events.Activity;
import io.relais.events.ActivityJson;
import io.relais.events.Iri;
import io.relais.events.Topics;
import io.relais.testing.KafkaProbe;
import io.relais.testing.RelaisTestResources;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.relais.feed.feedview.FeedFixtures.PATIENCE;
import static io.relais.feed.feedview.FeedFixtures.as;
import static io.relais.feed.feedview.FeedFixtures.fresh;
import static io.relais.feed.feedview.FeedFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Link previews are fetched safely, after the post is accepted: against a local page server that only this test
 * profile allows ({@code feed.link-preview.allowed-endpoints}), while loopback on any other port, the metadata
 * address, redirects to them, other schemes, other content types and the bytes beyond 256 KB stay out of reach; the
 * Host header brackets an IPv6 literal and no address literal is sent as the TLS server name.
 */
@QuarkusTest
@TestProfile(LinkPreviewTest.LocalPages.class)
@WithTestResource(value = RelaisTestResources.class, scope = TestResourceScope.GLOBAL)
class LinkPreviewTest {

    /** The allowed page server, and another one on loopback that nothing may reach (counts its requests). */
    static final HttpServer PAGES = server();
    static final HttpServer FORBIDDEN = server();
    static final AtomicInteger FORBIDDEN_HITS = new AtomicInteger();
    /** A TLS "server" on loopback that reads each ClientHello, notes the SNI host name it names, and hangs up. */
    static final ServerSocket HELLOS = helloListener();
    static final BlockingQueue<String> SERVER_NAMES = new LinkedBlockingQueue<>();

    static {
        PAGES.createContext("/page", x -> answer(x, 200, "text/html; charset=utf-8",
                "<html><head><title>  Quarterly\u202E results &amp; plans </title></head><body>hello</body></html>"));
        PAGES.createContext("/controls", x -> answer(x, 200, "text/html; charset=utf-8",
                "<title>abc\u202Egnp.exe\u200B\u0000 tail\u0007 <x>\nline2</title>"));
        PAGES.createContext("/more-controls", x -> answer(x, 200, "text/html; charset=utf-8",
                "<title>Q3\u0000 results\u0085 &#0;and\u0001 plans&#xD800;</title>"));
        PAGES.createContext("/og-controls", x -> answer(x, 200, "text/html; charset=utf-8",
                "<meta property=\"og:title\" content=\"Open\tgraph\nline\u0000 &#0;two\u009B\">"));
        PAGES.createContext("/og", x -> answer(x, 200, "text/html", "<html><head><meta property=\"og:title\" content=\"Open graph title\"></head></html>"));
        PAGES.createContext("/json", x -> answer(x, 200, "application/json", "{\"title\":\"not html\"}"));
        PAGES.createContext("/to-loopback", x -> redirect(x, "http://127.0.0.1:" + FORBIDDEN.getAddress().getPort() + "/secret"));
        PAGES.createContext("/to-metadata", x -> redirect(x, "http://169.254.169.254/latest/meta-data/"));
        PAGES.createContext("/hop", x -> redirect(x, "/page"));
        PAGES.createContext("/host", x -> answer(x, 200, "text/html", "<title>Host " + x.getRequestHeaders().getFirst("Host") + "</title>"));
        PAGES.createContext("/huge", x -> {
            x.getResponseHeaders().add("Content-Type", "text/html");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                byte[] filler = "<p>filler filler filler filler filler filler filler filler</p>\n".getBytes(StandardCharsets.UTF_8);
                out.write("<html><head>".getBytes(StandardCharsets.UTF_8));
                for (long written = 0; written < 10L * 1024 * 1024; written += filler.length) out.write(filler);
                out.write("<title>Beyond the limit</title></head></html>".getBytes(StandardCharsets.UTF_8));
            } catch (IOException reset) {
                // the fetcher stops reading at 256 KB and closes the connection
            }
        });
        FORBIDDEN.createContext("/", x -> {
            FORBIDDEN_HITS.incrementAndGet();
            answer(x, 200, "text/html", "<title>Internal admin</title>");
        });
        PAGES.start();
        FORBIDDEN.start();
    }

    /** Allows the page server's and the TLS listener's loopback endpoints, and nothing else, as only a test profile may. */
    public static class LocalPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feed.link-preview.allowed-endpoints",
                    "127.0.0.1:" + PAGES.getAddress().getPort() + ",127.0.0.1:" + HELLOS.getLocalPort());
        }
    }

    @Inject
    PageTitles titles;

    private static String page(String path) {
        return "http://127.0.0.1:" + PAGES.getAddress().getPort() + path;
    }

    @Test
    void theTitleIsReadByAnHtmlParserAndCleanedToOneLine() {
        PageTitles.Page found = titles.fetch(page("/page")).orElseThrow();
        assertThat(found.title()).isEqualTo("Quarterly results & plans");
        assertThat(found.site()).isEqualTo("127.0.0.1");
        assertThat(titles.fetch(page("/og")).orElseThrow().title()).isEqualTo("Open graph title");
    }

    /**
     * C0 and C1 controls (NUL included) never reach a title, nor the U+FFFD the HTML parser puts for a NUL (or for a
     * surrogate reference); tabs and line breaks, kept by an {@code og:title} attribute, separate words as a space.
     */
    @Test
    void controlCharactersAndTheReplacementCharacterNeverReachATitle() {
        assertThat(titles.fetch(page("/controls")).orElseThrow().title()).isEqualTo("abcgnp.exe tail <x> line2");
        assertThat(titles.fetch(page("/more-controls")).orElseThrow().title()).isEqualTo("Q3 results and plans");
        assertThat(titles.fetch(page("/og-controls")).orElseThrow().title()).isEqualTo("Open graph line two");
    }

    @Test
    void aRedirectWithinTheAllowedServerIsFollowed() {
        assertThat(titles.fetch(page("/hop")).orElseThrow().url()).endsWith("/page");
    }

    /**
     * RFC 9110 §7.2 and RFC 3986 §3.2.2: an IPv6 literal is written in brackets in the Host header. The IPv4-mapped
     * literal {@code ::ffff:7f00:1} is 127.0.0.1, so the IPv4 page server receives it wherever IPv6 loopback is missing.
     */
    @Test
    void anIpv6LiteralIsBracketedInTheHostHeaderThePageServerReceives() {
        int port = PAGES.getAddress().getPort();
        assertThat(titles.fetch("http://[::ffff:7f00:1]:" + port + "/host").orElseThrow().title())
                .isEqualTo("Host [::ffff:7f00:1]:" + port);
        assertThat(titles.fetch(page("/host")).orElseThrow().title()).isEqualTo("Host 127.0.0.1:" + port);
    }

    /** RFC 6066 §3: a TLS ClientHello names a DNS host name only; an address literal is never sent as SNI. */
    @Test
    void anAddressLiteralIsNeverSentAsTheTlsServerName() throws Exception {
        SERVER_NAMES.clear();
        int port = HELLOS.getLocalPort();
        try (SSLSocket probe = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters named = probe.getSSLParameters();
            named.setServerNames(List.of(new SNIHostName("pages.example")));
            probe.setSSLParameters(named);
            probe.startHandshake();
        } catch (SSLException hungUp) {
            // the listener hangs up after the ClientHello
        }
        assertThat(SERVER_NAMES.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the listener reads a name sent").isEqualTo("pages.example");
        assertThat(titles.fetch("https://127.0.0.1:" + port + "/")).isEmpty();
        assertThat(SERVER_NAMES.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("IPv4 literal").isEqualTo("(none)");
        assertThat(titles.fetch("https://[::ffff:7f00:1]:" + port + "/")).isEmpty();
        assertThat(SERVER_NAMES.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("IPv6 literal").isEqualTo("(none)");
    }

    @Test
    void redirectsToLoopbackOrTheMetadataAddressAreRefusedWithoutConnecting() {
        int before = FORBIDDEN_HITS.get();
        assertThat(titles.fetch(page("/to-loopback"))).isEmpty();
        assertThat(titles.fetch(page("/to-metadata"))).isEmpty();
        assertThat(FORBIDDEN_HITS.get()).as("the loopback server was never reached").isEqualTo(before);
    }

    @Test
    void loopbackOnAnotherPortTheMetadataAddressAndOtherSchemesAreRefused() {
        int before = FORBIDDEN_HITS.get();
        assertThat(titles.fetch("http://127.0.0.1:" + FORBIDDEN.getAddress().getPort() + "/")).isEmpty();
        assertThat(titles.fetch("http://localhost:" + FORBIDDEN.getAddress().getPort() + "/")).isEmpty();
        assertThat(titles.fetch("http://169.254.169.254/latest/meta-data/")).isEmpty();
        assertThat(titles.fetch("file:///etc/passwd")).isEmpty();
        assertThat(titles.fetch("ftp://127.0.0.1:" + PAGES.getAddress().getPort() + "/page")).isEmpty();
        assertThat(FORBIDDEN_HITS.get()).isEqualTo(before);
    }

    @Test
    void onlyHtmlIsRead() {
        assertThat(titles.fetch(page("/json"))).isEmpty();
    }

    @Test
    void aTenMegabytePageIsCutAtTheLimitSoATitleBeyondItIsNeverRead() {
        long start = System.nanoTime();
        assertThat(titles.fetch(page("/huge"))).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aPostWithALinkGetsItsPreviewAfterwardsAnnouncedAsAnUpdate() {
        String alice = fresh("alice");
        String iri = post(alice, "Les résultats : " + page("/page"), null);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(as(alice).get("/api/posts/{id}", Iri.localId(iri)).then()
                .statusCode(200).extract().<String>path("post.preview.title")).isEqualTo("Quarterly results & plans"));
        Activity update = ActivityJson.read(KafkaProbe.awaitRecords(Topics.ACTIVITIES, r -> r.value().contains("\"Update\"")
                && r.value().contains(iri) && r.value().contains("\"preview\""), 1, PATIENCE).get(0).value());
        @SuppressWarnings("unchecked")
        Map<String, Object> preview = (Map<String, Object>) update.object().relais().get("preview");
        assertThat(preview).containsEntry("title", "Quarterly results & plans").containsEntry("site", "127.0.0.1");
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerSocket helloListener() {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        s.setSoTimeout(5000);
                        SERVER_NAMES.add(serverName(new DataInputStream(s.getInputStream())));
                    } catch (IOException | RuntimeException e) {
                        if (!listener.isClosed()) SERVER_NAMES.add("(no ClientHello read: " + e + ")");
                    }
                }
            }, "client-hello-listener");
            accepting.setDaemon(true);
            accepting.start();
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server_name extension's host name in a TLS ClientHello record (RFC 8446 §4.1.2, RFC 6066 §3), or "(none)". */
    private static String serverName(DataInputStream in) throws IOException {
        if (in.readUnsignedByte() != 22) return "(not a handshake record)";
        in.skipNBytes(2);
        byte[] record = new byte[in.readUnsignedShort()];
        in.readFully(record);
        ByteBuffer hello = ByteBuffer.wrap(record);
        if (hello.get() != 1) return "(not a ClientHello)";
        skip(hello, 3 + 2 + 32);                    // length, legacy version, random
        skip(hello, hello.get() & 0xff);            // session id
        skip(hello, hello.getShort() & 0xffff);     // cipher suites
        skip(hello, hello.get() & 0xff);            // compression methods
        int end = hello.position() + (hello.getShort() & 0xffff);
        while (hello.position() < end) {
            int type = hello.getShort() & 0xffff, length = hello.getShort() & 0xffff;
            if (type == 0) {                        // server_name: list length, name type, name
                skip(hello, 3);
                byte[] name = new byte[hello.getShort() & 0xffff];
                hello.get(name);
                return new String(name, StandardCharsets.US_ASCII);
            }
            skip(hello, length);
        }
        return "(none)";
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }
}
