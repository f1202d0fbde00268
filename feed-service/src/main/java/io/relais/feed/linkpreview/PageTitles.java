package io.relais.feed.linkpreview;

import io.relais.events.TextHygiene;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches the title of a web page for a link preview, safely (OWASP SSRF prevention): only {@code http} and
 * {@code https} on their usual ports or any port; the host name is resolved ONCE and every address it resolves to
 * must pass the {@link AddressPolicy}; the connection is then made to that checked address (the Host header and TLS
 * SNI and certificate check still use the name), so a second DNS answer cannot point it elsewhere (DNS rebinding).
 * An IPv6 literal is bracketed in the Host header (RFC 9110 §7.2, RFC 3986 §3.2.2); an address literal is never
 * sent as SNI (RFC 6066 §3 allows DNS host names only), while the certificate is still checked against it;
 * redirects are followed by hand, at most {@link LinkPreviewConfig#maxRedirects()}, each new location checked the
 * same way; connect and total timeouts; at most {@link LinkPreviewConfig#maxBytes()} bytes read; only
 * {@code text/html}. The title is read by a real HTML parser (jsoup: {@code <title>}, else {@code og:title}),
 * cleaned by {@link #cleanLine} and cut to {@link LinkPreviewConfig#maxTitleLength()} characters. Blocking:
 * called from a consumer thread, never from a request.
 */
@ApplicationScoped
public class PageTitles {

    private static final Logger LOG = Logger.getLogger(PageTitles.class);
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    /** What a fetch found: the final URL, the page's title, and the site (its host name, Unicode). */
    public record Page(String url, String title, String site) {
    }

    @Inject
    Vertx vertx;

    @Inject
    LinkPreviewConfig config;

    private HttpClient client;
    private AddressPolicy policy;

    @PostConstruct
    void start() {
        policy = new AddressPolicy(config.allowedEndpoints().orElse(Set.of()));
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(config.connectTimeoutMillis())
                // no forced SNI: the TLS engine sends the name for a DNS host name and none for an address literal
                // (RFC 6066 §3); forcing it sent "127.0.0.1", and an IPv6 literal failed before connecting
                .setKeepAlive(false).setVerifyHost(true).setForceSni(false).setMaxRedirects(0)
                .setMaxHeaderSize(16 * 1024).setTryUseCompression(false));
    }

    @PreDestroy
    void stop() {
        if (client != null) client.close();
    }

    /** The page's title, or empty when it may not be fetched, does not answer in time, is no HTML or has no title. */
    public Optional<Page> fetch(String url) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.totalTimeoutMillis());
        try {
            URI uri = new URI(url);
            for (int hop = 0; hop <= config.maxRedirects(); hop++) {
                Target target = checked(uri);
                Answer answer = get(target, deadline);
                if (answer.location() != null) {
                    uri = uri.resolve(answer.location().trim());
                    continue;
                }
                return answer.title().map(t -> new Page(target.uri().toString(), t, IDN.toUnicode(target.host())));
            }
            LOG.debugf("link preview of %s: more than %d redirects", url, config.maxRedirects());
        } catch (Refused e) {
            LOG.infof("link preview of %s refused: %s", url, e.getMessage());
        } catch (URISyntaxException | IllegalArgumentException | UnknownHostException e) {
            LOG.debugf("link preview of %s: %s", url, e.getMessage());
        } catch (TimeoutException e) {
            LOG.debugf("link preview of %s: no answer within %d ms", url, config.totalTimeoutMillis());
        } catch (ExecutionException e) {
            LOG.debugf("link preview of %s failed: %s", url, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Why a URL or an address was refused (logged; the post simply gets no preview). */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    /** @param host the URL's host: a name, or an address literal without brackets (what is resolved and checked) */
    private record Target(URI uri, String host, InetAddress address, int port, boolean tls) {

        /** The Host header: an IPv6 literal in brackets, then the port unless it is the scheme's default. */
        String authority() {
            String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == (tls ? 443 : 80) ? name : name + ":" + port;
        }
    }

    private record Answer(String location, Optional<String> title) {
    }

    /** Scheme, host and every resolved address checked; the address to connect to. */
    Target checked(URI uri) throws Refused, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) throw new Refused("scheme " + scheme + " is not http or https");
        if (uri.getRawUserInfo() != null) throw new Refused("credentials in the URL");
        String host = uri.getHost();
        if (host == null || host.isBlank()) throw new Refused("no host");
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        InetAddress[] resolved = InetAddress.getAllByName(host); // the one lookup; its answer is what we connect to
        for (InetAddress a : resolved) {
            if (!policy.allows(a, port)) throw new Refused(host + " resolves to " + a.getHostAddress() + ", not a public address");
        }
        return new Target(uri, host, resolved[0], port, scheme.equals("https"));
    }

    private Answer get(Target t, long deadline) throws InterruptedException, ExecutionException, TimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) throw new TimeoutException();
        String path = t.uri().getRawPath() == null || t.uri().getRawPath().isEmpty() ? "/" : t.uri().getRawPath();
        if (t.uri().getRawQuery() != null) path += "?" + t.uri().getRawQuery();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(t.port(), t.address().getHostAddress()))
                // the bare host is Vert.x's TLS peer (certificate check); it would also write it unbracketed as Host
                .setHost(t.host()).setPort(t.port()).setSsl(t.tls()).setURI(path).setFollowRedirects(false)
                .putHeader("Host", t.authority())
                .setConnectTimeout(Math.min(left, config.connectTimeoutMillis())).setTimeout(left)
                .putHeader("Accept", "text/html").putHeader("User-Agent", "RelaisLinkPreview/1.0");
        CompletableFuture<Answer> done = new CompletableFuture<>();
        client.request(options).compose(request -> request.send()).onSuccess(response -> read(response, done))
                .onFailure(done::completeExceptionally);
        try {
            return done.get(left, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(true);
            throw e;
        }
    }

    private void read(HttpClientResponse response, CompletableFuture<Answer> done) {
        int status = response.statusCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            String location = response.getHeader("Location");
            response.request().reset();
            if (location == null) done.complete(new Answer(null, Optional.empty()));
            else done.complete(new Answer(location, Optional.empty()));
            return;
        }
        String type = response.getHeader("Content-Type");
        if (status != 200 || type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            response.request().reset();
            done.complete(new Answer(null, Optional.empty()));
            return;
        }
        Charset charset = charsetOf(type);
        Buffer page = Buffer.buffer();
        int max = config.maxBytes();
        response.handler(chunk -> {
            if (done.isDone()) return;
            int room = max - page.length();
            if (chunk.length() >= room) {
                page.appendBuffer(chunk, 0, room);
                response.request().reset(); // stop reading: the rest of a large page is never downloaded
                done.complete(new Answer(null, title(page.getBytes(), charset, response.request().absoluteURI())));
            } else {
                page.appendBuffer(chunk);
            }
        });
        response.endHandler(v -> done.complete(new Answer(null, title(page.getBytes(), charset, response.request().absoluteURI()))));
        response.exceptionHandler(e -> {
            if (!done.isDone()) done.completeExceptionally(e);
        });
    }

    /** The title of (the first bytes of) an HTML page: {@code <title>}, else {@code og:title}; cleaned and cut. */
    Optional<String> title(byte[] html, Charset charset, String baseUri) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charset == null ? null : charset.name(), baseUri);
        } catch (IOException e) {
            return Optional.empty();
        }
        String title = doc.title();
        if (title.isBlank()) {
            Element og = doc.selectFirst("meta[property=og:title]");
            title = og == null ? "" : og.attr("content");
        }
        String line = cleanLine(title);
        if (line.isEmpty()) return Optional.empty();
        int max = config.maxTitleLength();
        if (line.length() > max) {
            int end = Character.isHighSurrogate(line.charAt(max - 2)) ? max - 2 : max - 1;
            line = line.substring(0, end).strip() + "…";
        }
        return Optional.of(line);
    }

    /**
     * A page's title as one line a reader may get: tabs and line breaks (an {@code og:title} attribute keeps them)
     * become a space; {@link TextHygiene#line} removes the C0 and C1 controls (NUL included), bidi controls and
     * invisible characters; every U+FFFD goes too, since the HTML parser puts one for a NUL, a surrogate reference or
     * an undecodable byte and after parsing it cannot be told where one came from, and it never is text to show;
     * runs of spaces become one, and the ends are stripped.
     */
    static String cleanLine(String title) {
        String line = TextHygiene.line(title.replaceAll("\\s", " ")).replace("\uFFFD", "");
        return line.replaceAll(" {2,}", " ").strip();
    }

    private static Charset charsetOf(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) return null;
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
