package app.flowmarket.commerce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.commerce.BuyerBundles;
import app.flowmarket.commerce.Ledger;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A seller's sales, refunds and bundles; an admin's refunds; public bundle pages. */
@Controller
class SellerCommerceController {

    private final OrderManagement orders;
    private final Bundles bundles;
    private final Ledger ledger;
    private final StoreManagement stores;
    private final CatalogQueries catalogQueries;
    private final MessageSource messages;
    private final BuyerBundles buyerBundles;

    SellerCommerceController(OrderManagement orders, Bundles bundles, Ledger ledger, StoreManagement stores, CatalogQueries catalogQueries,
                             MessageSource messages, BuyerBundles buyerBundles) {
        this.messages = messages;
        this.buyerBundles = buyerBundles;
        this.orders = orders;
        this.bundles = bundles;
        this.ledger = ledger;
        this.stores = stores;
        this.catalogQueries = catalogQueries;
    }

    @GetMapping("/seller/sales")
    String sales(@AuthenticationPrincipal CurrentUser seller, Model model) {
        var store = stores.findByOwner(seller.account()).orElse(null);
        if (store == null) {
            return "redirect:/stores/new";
        }
        List<OrderManagement.Sale> sales = orders.salesOf(seller.actor());
        model.addAttribute("sales", sales);
        List<Money> balances = new ArrayList<>();
        for (String currency : sales.stream().map(s -> s.net().currency().getCurrencyCode()).distinct().sorted().toList()) {
            balances.add(ledger.sellerBalance(StoreId.of(store.id()), currency));
        }
        model.addAttribute("balances", balances);
        return "commerce/sales";
    }

    /** "Refund…": what a refund does, asked before it is done (a dialog over the sales with JavaScript, this page without). */
    @GetMapping("/seller/sales/{lineId}/refund")
    String confirmRefund(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID lineId, Model model) {
        OrderManagement.Sale sale = orders.saleOf(seller.actor(), lineId);
        if (!sale.refundable()) {
            return "redirect:/seller/sales";
        }
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("title", messages.getMessage("refund.confirm.title", new Object[] {sale.title(), sale.buyerName()}, locale));
        model.addAttribute("consequences", List.of(
                messages.getMessage("refund.confirm.money", new Object[] {sale.charged().format(locale)}, locale),
                messages.getMessage("refund.confirm.access", null, locale),
                messages.getMessage("refund.confirm.balance", new Object[] {sale.sellerShare().format(locale)}, locale),
                messages.getMessage("refund.confirm.final", null, locale)));
        model.addAttribute("action", "/seller/sales/" + lineId + "/refund");
        model.addAttribute("confirmLabel", messages.getMessage("refund.confirm.submit", new Object[] {sale.charged().format(locale)}, locale));
        model.addAttribute("back", "/seller/sales");
        return "layout/confirm";
    }

    @PostMapping("/seller/sales/{lineId}/refund")
    String refund(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID lineId, RedirectAttributes redirect) {
        refundLine(seller, lineId, redirect);
        return "redirect:/seller/sales";
    }

    @PostMapping("/admin/order-lines/{lineId}/refund")
    String adminRefund(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID lineId, RedirectAttributes redirect) {
        refundLine(admin, lineId, redirect);
        return "redirect:/";
    }

    private void refundLine(CurrentUser actor, UUID lineId, RedirectAttributes redirect) {
        Flash.attempt(redirect, "refund.done", () -> orders.refundLine(actor.actor(), lineId));
    }

    @GetMapping("/seller/bundles")
    String sellerBundles(@AuthenticationPrincipal CurrentUser seller, Model model) {
        var store = stores.findByOwner(seller.account()).orElse(null);
        if (store == null) {
            return "redirect:/stores/new";
        }
        return bundlesPage(store.id(), model, null);
    }

    private String bundlesPage(UUID storeId, Model model, @Nullable String error) {
        return bundlesPage(storeId, model, error, null, null);
    }

    private String bundlesPage(UUID storeId, Model model, @Nullable String error, @Nullable String tiersError, @Nullable String tiersTyped) {
        model.addAttribute("tiersError", tiersError);
        model.addAttribute("ownTiers", tiersTyped != null ? tiersTyped : BuyerBundles.written(buyerBundles.ownTiers(StoreId.of(storeId))));
        model.addAttribute("bundles", bundles.ofStore(storeId, false));
        model.addAttribute("workflows", catalogQueries.byStore(StoreId.of(storeId)));
        model.addAttribute("error", error);
        model.addAttribute("takesPart", buyerBundles.takesPart(StoreId.of(storeId)));
        model.addAttribute("bundleTiers", buyerBundles.tiers());
        return "commerce/seller-bundles";
    }

    /** The seller's store takes part in buyers' own bundles, or stops. */
    @PostMapping("/seller/bundles/buyer-bundles")
    String buyerBundles(@AuthenticationPrincipal CurrentUser seller, @RequestParam(defaultValue = "false") boolean takePart,
                        RedirectAttributes redirect) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        buyerBundles.takePart(seller.actor(), StoreId.of(store.id()), takePart);
        Flash.success(redirect, takePart ? "buyer-bundles.joined" : "buyer-bundles.left");
        return "redirect:/seller/bundles";
    }

    /** The store's own buyers' bundle tiers, on top of the platform's (empty: none). */
    @PostMapping("/seller/bundles/buyer-bundles/tiers")
    String ownTiers(@AuthenticationPrincipal CurrentUser seller, @RequestParam(defaultValue = "") String tiers, Model model,
                    RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        try {
            buyerBundles.offerOwnTiers(seller.actor(), StoreId.of(store.id()), tiers);
        } catch (DomainException e) {
            response.setStatus(422);
            return bundlesPage(store.id(), model, null, e.getMessage(), tiers);
        }
        Flash.success(redirect, "buyer-bundles.own-tiers.saved");
        return "redirect:/seller/bundles";
    }

    @PostMapping("/seller/bundles")
    String createBundle(@AuthenticationPrincipal CurrentUser seller, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String price,
                        @RequestParam(name = "workflowIds", required = false) @Nullable List<UUID> workflowIds, Model model,
                        RedirectAttributes redirect) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        try {
            List<UUID> ids = workflowIds == null ? List.of() : workflowIds;
            String currency = catalogQueries.byStore(StoreId.of(store.id())).stream().filter(w -> ids.contains(w.id()))
                    .map(w -> w.price().currency().getCurrencyCode()).findFirst().orElse("USD");
            Money bundlePrice;
            try {
                bundlePrice = Money.parse(price.isBlank() ? "x" : price, currency);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new DomainException("bundle.price.invalid");
            }
            UUID id = bundles.create(seller.actor(), title, description, bundlePrice, ids);
            Flash.success(redirect, "bundle.created");
            return "redirect:/bundles/" + bundles.find(id).orElseThrow().slug();
        } catch (DomainException e) {
            return bundlesPage(store.id(), model, e.messageKey());
        }
    }

    @PostMapping("/seller/bundles/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, RedirectAttributes redirect) {
        bundles.deactivate(seller.actor(), id);
        Flash.success(redirect, "bundle.deactivated");
        return "redirect:/seller/bundles";
    }

    @GetMapping("/bundles/{slug}")
    String bundle(@PathVariable String slug, Model model) {
        var bundle = bundles.bySlug(slug).filter(Bundles.BundleView::active).orElseThrow(() -> new NotFoundException("bundle"));
        model.addAttribute("bundle", bundle);
        model.addAttribute("store", stores.find(StoreId.of(bundle.storeId())).orElseThrow());
        return "commerce/bundle";
    }
}
