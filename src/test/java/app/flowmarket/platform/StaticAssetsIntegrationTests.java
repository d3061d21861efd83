package app.flowmarket.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class StaticAssetsIntegrationTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:css|js|img|webjars)/[^\"]+)\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesLinkEveryStaticFileByItsContentHashAndThoseAreCachedForAYear() throws Exception {
        HttpResponse<String> home = get("/");
        // the page itself is asked for again every time (it may only wait in the back/forward cache)
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("private, no-cache");

        Set<String> assets = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(home.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(path -> assertThat(path).matches(".*-[0-9a-f]{32}\\.[a-z]+"))
                .anySatisfy(path -> assertThat(path).startsWith("/css/app-"))
                .anySatisfy(path -> assertThat(path).startsWith("/webjars/htmx.org/"));
        for (String path : assets) {
            HttpResponse<String> asset = get(path);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(path).hasValue("max-age=31536000, public, immutable");
        }
    }

    @Test
    void aStaticFileAskedForWithoutItsHashIsRevalidatedEachTime() throws Exception {
        for (String path : new String[] {"/css/app.css", "/img/logo.svg", "/webjars/htmx.org/dist/htmx.min.js"}) {
            HttpResponse<String> asset = get(path);
            assertThat(asset.statusCode()).as(path).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        }
    }

    @Test
    void aHashThatDoesNotMatchTheFileIsNotServed() throws Exception {
        assertThat(get("/css/app-0123456789abcdef0123456789abcdef.css").statusCode()).isEqualTo(404);
    }
}
