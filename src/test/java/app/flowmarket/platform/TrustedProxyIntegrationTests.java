package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.IntegrationTest;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind a proxy that ends TLS: the scheme and the client's address come from X-Forwarded-Proto / -For only
 * when a trusted proxy (here: loopback, {@code server.tomcat.remoteip.internal-proxies}) sends them. Then every
 * cookie is {@code Secure} and pages send HSTS; over plain HTTP, or from anyone else, neither.
 */
@IntegrationTest
class TrustedProxyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    String account() {
        String email = Fixtures.uniqueEmail("proxied");
        accounts.createVerified(email, Fixtures.PASSWORD, "Proxied");
        return email;
    }

    @Test
    void throughATrustedProxyThatEndedTlsEveryCookieIsSecureAndPagesSendHsts() {
        String email = account();
        WebSession.Page page = new WebSession(port).header("X-Forwarded-Proto", "https").get("/login");

        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(page.setCookie("XSRF-TOKEN")).contains("; Secure");

        WebSession browser = new WebSession(port);
        // the form comes over plain HTTP here only because this test client keeps Secure cookies to HTTPS
        browser.get("/login");
        browser.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.7");
        WebSession.Page signedIn = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));

        // back to the page over HTTPS (the proxy's port), never down to plain HTTP
        assertThat(signedIn.location()).isIn("/", "https://localhost/");
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(signedIn.setCookie("SESSION")).contains("; Secure");
        assertThat(signedIn.setCookie("flowmarket-device")).contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void overPlainHttpNoCookieIsSecureAndNoPageSendsHsts() {
        String email = account();
        WebSession browser = new WebSession(port);

        WebSession.Page page = browser.get("/login");
        WebSession.Page signedIn = browser.post("/login", Map.of("email", email, "password", Fixtures.PASSWORD));

        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.setCookie("XSRF-TOKEN")).isNotNull().doesNotContain("Secure");
        assertThat(signedIn.setCookie("SESSION")).isNotNull().doesNotContain("Secure");
        assertThat(signedIn.setCookie("flowmarket-device")).isNotNull().doesNotContain("Secure");
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
        Optional<String> lan = nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "this machine has no address besides loopback to connect from");
        String victim = account();
        // the same machine, reached through its network address: not a trusted proxy
        WebSession outsider = new WebSession(lan.get(), port).header("X-Forwarded-Proto", "https");

        WebSession.Page page = outsider.get("/login");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.setCookie("XSRF-TOKEN")).isNotNull().doesNotContain("Secure");

        // a new made-up X-Forwarded-For with every guess does not make them new people: the fifth failure waits
        String last = null;
        for (int i = 0; i < 5; i++) {
            outsider.from("203.0.113." + (i + 1));
            last = outsider.post("/login", Map.of("email", victim, "password", "guess-" + UUID.randomUUID())).location();
        }
        assertThat(last).isEqualTo("/login?error&wait=1");
    }

    static Optional<String> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(nic -> {
                        try {
                            return nic.isUp() && !nic.isLoopback();
                        } catch (SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
