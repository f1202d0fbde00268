package io.relais.e2e.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-site request forgery in a real browser: a page of another origin of the same site (another port of
 * localhost, so the SameSite=Lax session cookie does go along) that submits a form to Relais is refused and
 * nothing is published; the same person publishing from Relais' own page works; logout by GET is refused
 * and the menu's logout button ends the session.
 */
class CrossSiteRequestBrowserTest {

    @Test
    void aFormOnAnotherOriginCannotPublishForALoggedInPerson() throws IOException {
        String marker = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        HttpServer attacker = attackerPage(marker);
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");

            alice.driver.get("http://localhost:" + attacker.getAddress().getPort() + "/");
            alice.until(d -> d.getPageSource().contains("did not come from a Relais page"));

            alice.go("/");
            assertThat(alice.find(By.id("feed")).getText()).doesNotContain(marker);

            String genuine = "genuine-" + marker;
            alice.find(By.id("composer-text")).sendKeys(genuine);
            alice.find(By.id("publish")).click();
            alice.until(d -> d.findElement(By.id("feed")).getText().contains(genuine));
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void logoutIsAButtonNotALink() {
        try (Browser alice = Browser.open()) {
            alice.loginAs("alice");

            alice.go("/logout");
            assertThat(alice.find(By.tagName("body")).getText()).contains("Log out with the button");
            alice.go("/");
            alice.await(By.id("composer"));

            alice.find(By.cssSelector("button.logout")).click();
            alice.await(By.id("login"));
            alice.go("/notifications");
            alice.await(By.id("username"));
        }
    }

    /** Another origin (same host, another port) whose page posts to Relais as soon as it loads. */
    private static HttpServer attackerPage(String marker) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String html = "<!DOCTYPE html><html><body><form id=f method=post action='" + Browser.WEB + "/posts'>"
                + "<input name=content value='" + marker + "'></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>";
        server.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
