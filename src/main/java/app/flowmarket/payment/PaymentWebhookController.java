package app.flowmarket.payment;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Receives the processor's webhooks. A forged or stale signature gets 400 and changes nothing. */
@RestController
class PaymentWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final Payments payments;

    PaymentWebhookController(Payments payments) {
        this.payments = payments;
    }

    @PostMapping(path = "/webhooks/payments")
    ResponseEntity<Map<String, Object>> receive(@RequestBody(required = false) String payload, HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.getHeaderNames().asIterator().forEachRemaining(name -> headers.put(name, request.getHeader(name)));
        try {
            payments.handleWebhook(payload == null ? "" : payload, headers);
            return ResponseEntity.ok(Map.of("received", true));
        } catch (PaymentGateway.InvalidWebhookException e) {
            log.warn("Rejected a payment webhook: {}", e.getMessage());
            return ResponseEntity.badRequest().body(Map.of("error", "invalid webhook"));
        }
    }
}
