package app.flowmarket.payment;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives the processor's webhooks. A forged or stale signature, or an event that does not match the
 * checkout it names, gets a 400 problem detail and changes nothing. The body is capped before it is
 * read (see the request size limits in the security module).
 */
@RestController
class PaymentWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final Payments payments;

    PaymentWebhookController(Payments payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/webhooks/payments")
    ResponseEntity<?> receive(@RequestBody(required = false) @Nullable String payload, HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.getHeaderNames().asIterator().forEachRemaining(name -> headers.put(name, request.getHeader(name)));
        try {
            payments.handleWebhook(payload == null ? "" : payload, headers);
            return ResponseEntity.ok(Map.of("received", true));
        } catch (PaymentGateway.InvalidWebhookException e) {
            log.warn("Rejected a payment webhook: {}", e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The webhook's signature is not valid or it does not match a checkout of this shop.");
            problem.setTitle("Invalid webhook");
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
