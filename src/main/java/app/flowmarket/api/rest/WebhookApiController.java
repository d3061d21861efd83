package app.flowmarket.api.rest;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiIdempotency;
import app.flowmarket.api.ApiProblems;
import app.flowmarket.api.ApiScope;
import app.flowmarket.webhook.WebhookEvent;
import app.flowmarket.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The seller's webhook endpoints through the API, as in Settings → Webhooks (scope {@code webhooks:write}). */
@RestController
@RequestMapping(path = "/api/v1/me/webhooks", produces = "application/json")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Webhooks", description = "The token owner's webhook endpoints.")
@SecurityRequirement(name = "token")
class WebhookApiController {

    private final ApiAccess access;
    private final Webhooks webhooks;
    private final ApiIdempotency idempotency;
    private final JsonMapper json;

    WebhookApiController(ApiAccess access, Webhooks webhooks, ApiIdempotency idempotency, JsonMapper json) {
        this.access = access;
        this.webhooks = webhooks;
        this.idempotency = idempotency;
        this.json = json;
    }

    record Endpoint(UUID id, String url, String description, List<String> events, boolean enabled, @Nullable String disabledReason,
                    Instant createdAt) {
        static Endpoint of(Webhooks.Endpoint e) {
            return new Endpoint(e.id(), e.url(), e.description(), e.events().stream().map(WebhookEvent::value).sorted().toList(), e.enabled(),
                    e.disabledReason(), e.createdAt());
        }
    }

    /** A new endpoint; the answer holds its signing secret. */
    record CreatedEndpoint(Endpoint endpoint, String secret) {
    }

    record NewEndpoint(@Nullable String url, @Nullable String description, @Nullable List<String> events) {
    }

    @Operation(summary = "The owner's webhook endpoints", description = "Scope `webhooks:write`.")
    @GetMapping
    List<Endpoint> list() {
        ApiCaller caller = access.require(ApiScope.WEBHOOKS_WRITE);
        return webhooks.of(caller.accountId()).stream().map(Endpoint::of).toList();
    }

    @Operation(summary = "Add a webhook endpoint", description = "Scope `webhooks:write`. Send an `Idempotency-Key` header to retry "
            + "safely: the same key with the same body answers the first result again; with another body, 409.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<String> create(@RequestBody NewEndpoint body, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        ApiCaller caller = access.require(ApiScope.WEBHOOKS_WRITE);
        String request = json.writeValueAsString(body);
        return idempotency.once(caller, key, request, () -> {
            Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
            for (String event : body.events() == null ? List.<String>of() : body.events()) {
                events.add(WebhookEvent.of(event).orElseThrow(() -> new ApiException(ApiProblems.Kind.VALIDATION,
                        "Unknown event " + event + "; known: " + WebhookEvent.known() + ".")));
            }
            UUID id = webhooks.create(caller.accountId(), body.url() == null ? "" : body.url(), events,
                    body.description() == null ? "" : body.description());
            CreatedEndpoint created = new CreatedEndpoint(Endpoint.of(webhooks.endpoint(caller.accountId(), id)),
                    webhooks.secret(caller.accountId(), id));
            return new ApiIdempotency.Result(201, "/api/v1/me/webhooks/" + id, json.writeValueAsString(created));
        });
    }

    @Operation(summary = "Remove a webhook endpoint", description = "Scope `webhooks:write`.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        ApiCaller caller = access.require(ApiScope.WEBHOOKS_WRITE);
        webhooks.delete(caller.accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
