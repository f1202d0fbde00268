package io.relais.e2e.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post that links to a web page shows the page's title in a card under it (issue 14), fetched by feed-service
 * after the post was accepted. The page is served by this test on 127.0.0.1:18099, the one loopback endpoint the
 * local stack's launcher lets feed-service fetch ({@code RELAIS_LINK_PREVIEW_ALLOWED_ENDPOINTS}).
 */
class LinkPreviewBrowserTest {

    static final int PORT = Integer.parseInt(Browser.env("RELAIS_E2E_PAGE_PORT", "18099"));

    @Test
    void alicesPostWithALinkShowsThePagesTitleAsPlainTextInACard() throws IOException {
        String marker = "preview-" + UUID.randomUUID().toString().substring(0, 8);
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        pages.createContext("/" + marker, x -> {
            byte[] body = ("<html><head><title>Roadmap <b>2027</b> " + marker + "</title></head><body>x</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        pages.start();
        try (Browser bob = Browser.open()) {
            String post = CommentThreadBrowserTest.postAs("alice", "Read this: http://127.0.0.1:" + PORT + "/" + marker);
            bob.loginAs("bob");
            bob.until(d -> {
                bob.go("/posts/" + post);
                return !d.findElements(By.cssSelector(".link-preview")).isEmpty();
            });
            WebElement card = bob.find(By.cssSelector(".link-preview"));
            assertThat(card.findElement(By.cssSelector(".link-preview-title")).getText()).isEqualTo("Roadmap <b>2027</b> " + marker);
            WebElement link = card.findElement(By.tagName("a"));
            assertThat(link.getAttribute("href")).isEqualTo("http://127.0.0.1:" + PORT + "/" + marker);
            assertThat(link.getAttribute("rel")).isEqualTo("nofollow noopener noreferrer");
            assertThat(card.findElements(By.tagName("b"))).as("the title is text, not markup").isEmpty();
        } finally {
            pages.stop(0);
        }
    }
}
