package app.flowmarket.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI document says about the API as a whole: its name, version and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI flowmarketApi() {
        return new OpenAPI()
                .info(new Info().title("Flowmarket API").version("v1").description("""
                        The Flowmarket marketplace for automation workflows. The public catalogue needs no token; everything else \
                        takes a personal access token from Settings → API as `Authorization: Bearer fmp_...`, with the scope each \
                        operation names. Lists page by cursor: follow `next`. Errors are RFC 9457 problem details whose `type` \
                        is stable. Rate limits are announced in `RateLimit-Policy` / `RateLimit` headers; a 429 carries `Retry-After`."""))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("A personal access token (fmp_...) from Settings → API")));
    }
}
