package app.flowmarket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import app.flowmarket.IntegrationTest;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A production deployment does not serve GraphiQL, whatever {@code spring.graphql.graphiql.enabled} says: the site runs
 * as it does when {@code flowmarket.web.production} is set (a public base URL implies it too). GraphQL itself stays.
 * The development side is {@code GraphQlIntegrationTests#graphiQlIsServedOnADevelopmentMachine}.
 */
@IntegrationTest
@TestPropertySource(properties = "flowmarket.web.production=true")
class GraphiQlProductionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SiteSettings site;

    @Test
    void graphiQlIsNotFoundInProductionWhileGraphQlAnswers() throws Exception {
        assertThat(site.isProduction()).isTrue();
        WebSession browser = new WebSession(port);
        for (String path : new String[] {"/graphiql", "/graphiql?path=/graphql"}) {
            WebSession.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("GraphiQL").doesNotContain("esm.sh");
        }

        HttpResponse<String> graphQl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "203.0.113.77")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ categories { slug } }\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(graphQl.statusCode()).isEqualTo(200);
        assertThat(graphQl.body()).contains("\"categories\"").doesNotContain("\"errors\"");
    }
}
