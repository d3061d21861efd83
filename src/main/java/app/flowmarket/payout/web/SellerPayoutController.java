package app.flowmarket.payout.web;

import app.flowmarket.payout.Payouts;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A seller's payouts: balance, money still held and when it is payable, past payouts, and the bank details to pay to. */
@Controller
class SellerPayoutController {

    private final Payouts payouts;
    private final app.flowmarket.store.StoreManagement stores;

    SellerPayoutController(Payouts payouts, app.flowmarket.store.StoreManagement stores) {
        this.payouts = payouts;
        this.stores = stores;
    }

    @GetMapping("/seller/payouts")
    String page(@AuthenticationPrincipal CurrentUser seller, Model model) {
        if (stores.findByOwner(seller.account()).isEmpty()) {
            return "redirect:/stores/new";
        }
        return page(seller, PayoutMethodFormData.empty(), null, model);
    }

    @PostMapping("/seller/payouts/method")
    String saveMethod(@AuthenticationPrincipal CurrentUser seller, @ModelAttribute PayoutMethodFormData form, Model model,
                      RedirectAttributes redirect) {
        if (stores.findByOwner(seller.account()).isEmpty()) {
            return "redirect:/stores/new";
        }
        try {
            payouts.saveMethod(seller.actor(), form.toParameters());
        } catch (DomainException e) {
            // the number typed is not shown again
            return page(seller, new PayoutMethodFormData(form.holder(), ""), e.messageKey(), model);
        }
        Flash.success(redirect, "payout.method.saved");
        return "redirect:/seller/payouts";
    }

    private String page(CurrentUser seller, PayoutMethodFormData form, @Nullable String error, Model model) {
        Payouts.SellerOverview overview = payouts.forSeller(seller.account());
        model.addAttribute("overview", overview);
        // the holder's name is offered again; the account number never is
        boolean blank = form.holder() == null || form.holder().isBlank();
        model.addAttribute("form", blank && overview.method() != null ? new PayoutMethodFormData(overview.method().holder(), "") : form);
        model.addAttribute("error", error);
        return "payout/seller";
    }
}
