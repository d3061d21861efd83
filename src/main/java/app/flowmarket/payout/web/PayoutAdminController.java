package app.flowmarket.payout.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import app.flowmarket.payout.PayoutId;
import app.flowmarket.payout.Payouts;
import app.flowmarket.platform.Flash;
import app.flowmarket.platform.Ui;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.TableWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payouts for admins: what each seller may be paid, batches of payouts, marking each transfer sent or failed, and a
 * batch's transfer list as CSV. The URL is admins-only (security configuration) and the service checks the role again.
 */
@Controller
class PayoutAdminController {

    private static final String[] COLUMNS = {"payout", "store", "amount", "currency", "status", "holder", "account", "reference"};

    private final Payouts payouts;
    private final app.flowmarket.payment.Payments payments;

    PayoutAdminController(Payouts payouts, app.flowmarket.payment.Payments payments) {
        this.payouts = payouts;
        this.payments = payments;
    }

    @GetMapping("/admin/payouts")
    String overview(@AuthenticationPrincipal CurrentUser admin, Model model) {
        model.addAttribute("balances", payouts.balances(admin.actor()));
        model.addAttribute("batches", payouts.batches(admin.actor(), 20));
        model.addAttribute("chargebacks", payouts.chargebacks(admin.actor(), 50));
        // with the built-in test processor, its open disputes can be decided here, as in a processor's dashboard
        model.addAttribute("testProcessor", "test".equals(payments.provider()));
        return "payout/admin";
    }

    @PostMapping("/admin/payouts/batches")
    String createBatch(@AuthenticationPrincipal CurrentUser admin, RedirectAttributes redirect) {
        try {
            Payouts.BatchResult result = payouts.createBatch(admin.actor());
            Flash.success(redirect, "payout.batch.created", result.payouts());
            return "redirect:/admin/payouts/batches/" + result.batchId();
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "redirect:/admin/payouts";
        }
    }

    @GetMapping("/admin/payouts/batches/{id}")
    String batch(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, Model model) {
        model.addAttribute("batch", payouts.batch(admin.actor(), id));
        model.addAttribute("payouts", payouts.payoutsOfBatch(admin.actor(), id));
        return "payout/admin-batch";
    }

    @PostMapping("/admin/payouts/{id}/sent")
    String sent(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam(required = false) @Nullable String reference,
                @RequestParam UUID batch, RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.marked.sent", () -> payouts.markSent(admin.actor(), PayoutId.of(id), reference == null ? "" : reference));
        return "redirect:/admin/payouts/batches/" + batch;
    }

    @PostMapping("/admin/payouts/{id}/failed")
    String failed(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam(required = false) @Nullable String reference,
                  @RequestParam UUID batch, RedirectAttributes redirect) {
        Flash.attempt(redirect, "payout.marked.failed", () -> payouts.markFailed(admin.actor(), PayoutId.of(id), reference == null ? "" : reference));
        return "redirect:/admin/payouts/batches/" + batch;
    }

    @GetMapping("/admin/payouts/batches/{id}/export")
    void export(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, Model model, HttpServletResponse response) throws IOException {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        List<Payouts.TransferLine> lines = payouts.exportBatch(admin.actor(), id);
        response.setContentType(TableWriter.Format.CSV.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("payouts-" + id + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (TableWriter table = TableWriter.open(TableWriter.Format.CSV, response.getOutputStream(), ui.t("payout.admin.title"))) {
            table.row(java.util.Arrays.stream(COLUMNS).map(c -> ui.t("payout.column." + c)).toList());
            for (Payouts.TransferLine line : lines) {
                table.row(java.util.Arrays.asList(line.id().toString(), line.storeName(), line.amount().toDecimal().toPlainString(),
                        line.amount().currency().getCurrencyCode(), line.status().name(), line.accountHolder(), line.accountNumber(),
                        line.reference()));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage payoutAdminPage() {
            return AreaPage.admin("/admin/payouts", "payout.admin.title", "admin.page.payouts", 60);
        }

        @Bean
        AreaPage payoutSellerPage() {
            return AreaPage.seller("/seller/payouts", "payout.seller.title", "seller.page.payouts", 50);
        }
    }
}
