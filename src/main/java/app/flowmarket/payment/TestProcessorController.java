package app.flowmarket.payment;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The test processor's hosted payment page, the stand-in for Stripe's hosted Checkout page; and for admins, the stand-in
 * for the processor's dashboard where a dispute is decided (admins-only by its URL).
 */
@Controller
@ConditionalOnProperty(name = "flowmarket.payment.provider", havingValue = "test", matchIfMissing = true)
class TestProcessorController {

    private final TestPaymentGateway gateway;
    private final AuditLog audit;

    TestProcessorController(TestPaymentGateway gateway, AuditLog audit) {
        this.gateway = gateway;
        this.audit = audit;
    }

    /** The buyer's bank decides a dispute the test processor opened: won or lost; its webhook tells the shop. */
    @PostMapping("/admin/test-processor/disputes/{id}")
    String closeDispute(@AuthenticationPrincipal CurrentUser admin, @PathVariable String id, @RequestParam(defaultValue = "") String outcome,
                        HttpServletRequest request, RedirectAttributes redirect) {
        if (!outcome.equals("won") && !outcome.equals("lost")) {
            Flash.error(redirect, "payment.test.dispute-unknown");
            return "redirect:/admin/payouts#payout-chargebacks";
        }
        try {
            gateway.closeDispute(id, outcome.equals("won"), request.getScheme() + "://127.0.0.1:" + request.getLocalPort());
        } catch (IllegalStateException notOpen) {
            Flash.error(redirect, "payment.test.dispute-unknown");
            return "redirect:/admin/payouts#payout-chargebacks";
        }
        audit.record(admin.id(), admin.actor().label(), "payment.test-dispute-closed", "dispute", id, outcome);
        Flash.success(redirect, "payment.test.dispute-closed");
        return "redirect:/admin/payouts#payout-chargebacks";
    }

    @GetMapping("/pay/test/{id}")
    String page(@PathVariable String id, Model model) {
        var checkout = gateway.find(id).orElseThrow(() -> new NotFoundException("checkout"));
        if ("PAID".equals(checkout.status())) {
            return "redirect:" + checkout.successUrl();
        }
        model.addAttribute("checkout", checkout);
        model.addAttribute("error", "OPEN".equals(checkout.status()) ? null : "payment.test.expired");
        return "payment/test-checkout";
    }

    @PostMapping("/pay/test/{id}")
    String pay(@PathVariable String id, @RequestParam(defaultValue = "") String cardNumber, HttpServletRequest request, Model model) {
        var checkout = gateway.find(id).orElseThrow(() -> new NotFoundException("checkout"));
        // the processor calls back the server that served its page
        String callback = request.getScheme() + "://127.0.0.1:" + request.getLocalPort();
        TestPaymentGateway.Outcome outcome = gateway.pay(id, cardNumber, callback);
        if (outcome == TestPaymentGateway.Outcome.SUCCEEDED) {
            return "redirect:" + checkout.successUrl();
        }
        model.addAttribute("checkout", gateway.find(id).orElse(checkout));
        model.addAttribute("error", switch (outcome) {
            case DECLINED -> "payment.test.declined";
            case INSUFFICIENT_FUNDS -> "payment.test.insufficient-funds";
            case EXPIRED -> "payment.test.expired";
            default -> "payment.test.invalid-card";
        });
        return "payment/test-checkout";
    }
}
