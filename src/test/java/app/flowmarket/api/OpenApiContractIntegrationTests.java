package app.flowmarket.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import app.flowmarket.IntegrationTest;
import app.flowmarket.support.WebSession;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published OpenAPI document is valid 3.1 and describes exactly the operations the controllers serve. */
@IntegrationTest
class OpenApiContractIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentIsValidOpenApi31AndMatchesTheControllers() {
        WebSession.Page page = new WebSession(port).get("/api/v1/openapi.json").assertStatus(200);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(page.body(), null, null);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");

        JsonNode document = JsonMapper.builder().build().readTree(page.body());
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().equals("app.flowmarket.api.rest")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.endsWith("/**")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    served.add(verb.name() + " " + pattern);
                }
            }
        });
        assertThat(served).isNotEmpty();
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void swaggerUiIsServedAtApiDocs() {
        WebSession browser = new WebSession(port);
        WebSession.Page page = browser.getFollowing("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
    }
}
