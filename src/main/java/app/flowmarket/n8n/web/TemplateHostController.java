package app.flowmarket.n8n.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import app.flowmarket.n8n.N8nTokens;
import app.flowmarket.n8n.TemplateHost;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * n8n's template-host API at {@code /n8n/{token}}: what a buyer's n8n, started with {@code N8N_TEMPLATES_HOST} set to that
 * address, calls from its editor in the browser. Any origin may call it (the editor runs wherever the buyer hosts n8n) without
 * cookies: the token in the path is the only credential. Errors are problem details that also carry n8n's {@code message}.
 */
@RestController
@RequestMapping("/n8n/{token}")
@CrossOrigin(originPatterns = "*", allowedHeaders = "*", methods = org.springframework.web.bind.annotation.RequestMethod.GET,
        allowCredentials = "false", maxAge = 3600)
class TemplateHostController {

    private final N8nTokens tokens;
    private final TemplateHost host;

    TemplateHostController(N8nTokens tokens, TemplateHost host) {
        this.tokens = tokens;
        this.host = host;
    }

    @GetMapping("/health")
    ResponseEntity<?> health(@PathVariable String token) {
        return answer(token, buyer -> Map.of("status", "OK"));
    }

    @GetMapping("/templates/categories")
    ResponseEntity<?> categories(@PathVariable String token) {
        return answer(token, buyer -> Map.of("categories", host.categories()));
    }

    @GetMapping("/templates/collections")
    ResponseEntity<?> collections(@PathVariable String token, @RequestParam MultiValueMap<String, String> params) {
        return answer(token, buyer -> Map.of("collections", host.collections(buyer, categories(params), text(params))));
    }

    @GetMapping("/templates/collections/{id}")
    ResponseEntity<?> collection(@PathVariable String token, @PathVariable String id) {
        return answerOrNotFound(token, buyer -> number(id).flatMap(n -> host.collection(buyer, n)).map(c -> Map.of("collection", c)));
    }

    @GetMapping("/templates/search")
    ResponseEntity<?> search(@PathVariable String token, @RequestParam MultiValueMap<String, String> params) {
        int page = integer(params.getFirst("page"), 1);
        int rows = integer(Optional.ofNullable(params.getFirst("rows")).orElse(params.getFirst("limit")), 20);
        return answer(token, buyer -> host.search(categories(params), text(params), page, rows));
    }

    @GetMapping("/templates/workflows/{id}")
    ResponseEntity<?> workflow(@PathVariable String token, @PathVariable String id) {
        return answerOrNotFound(token, buyer -> number(id).flatMap(n -> host.workflow(buyer, n)).map(w -> Map.of("workflow", w)));
    }

    @GetMapping("/workflows/templates/{id}")
    ResponseEntity<?> importable(@PathVariable String token, @PathVariable String id) {
        Optional<UUID> buyer = tokens.holder(token);
        if (buyer.isEmpty()) {
            return unauthorized();
        }
        Optional<Long> number = number(id);
        if (number.isEmpty()) {
            return notFound();
        }
        TemplateHost.Import result = host.importable(buyer.get(), number.get());
        if (result.template() != null) {
            return ok(result.template());
        }
        if (result.refusal() == TemplateHost.Refusal.NOT_OWNED) {
            return problem(HttpStatus.FORBIDDEN, "Not in your library",
                    "This workflow is not free and you have not bought it. Buy it at " + result.buyUrl() + " to import it.");
        }
        return notFound();
    }

    // ---- answers ---------------------------------------------------------------------------------

    private ResponseEntity<?> answer(String token, Function<UUID, Object> body) {
        return tokens.holder(token).<ResponseEntity<?>>map(buyer -> ok(body.apply(buyer))).orElseGet(TemplateHostController::unauthorized);
    }

    private ResponseEntity<?> answerOrNotFound(String token, Function<UUID, Optional<?>> body) {
        Optional<UUID> buyer = tokens.holder(token);
        if (buyer.isEmpty()) {
            return unauthorized();
        }
        return body.apply(buyer.get()).<ResponseEntity<?>>map(TemplateHostController::ok).orElseGet(TemplateHostController::notFound);
    }

    private static ResponseEntity<?> ok(Object body) {
        // what a buyer may import changes when they buy or a token is revoked: nothing is kept by browsers or proxies
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<?> unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, "Unknown or revoked token",
                "This n8n address is not (or no longer) valid. Create a new one in Flowmarket under Settings → n8n.");
    }

    private static ResponseEntity<?> notFound() {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is no such template.");
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        // n8n's editor shows a failed request's "message"
        problem.setProperty("message", detail);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    // ---- request parameters, as n8n's client sends them (arrays as name[]=value) and as older clients did ----

    private static List<String> categories(MultiValueMap<String, String> params) {
        List<String> values = new ArrayList<>();
        for (String name : List.of("categories", "categories[]", "category", "category[]")) {
            for (String value : params.getOrDefault(name, List.of())) {
                for (String part : value.split(",")) {
                    if (!part.isBlank() && values.size() < 20) {
                        values.add(part.strip());
                    }
                }
            }
        }
        return values;
    }

    private static String text(MultiValueMap<String, String> params) {
        String search = params.getFirst("search");
        return search == null ? "" : search.strip();
    }

    private static int integer(@Nullable String value, int fallback) {
        try {
            return value == null ? fallback : Math.max(1, Math.min(10_000, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Optional<Long> number(String id) {
        try {
            long n = Long.parseLong(id);
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
