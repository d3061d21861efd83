package app.flowmarket.commerce.web;

import java.time.Instant;
import java.util.UUID;

import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.commerce.Coupons;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A seller's promo codes: listed with their uses, created, ended. */
@Controller
class SellerCouponsController {

    private final Coupons coupons;
    private final StoreManagement stores;
    private final CatalogQueries catalogQueries;
    private final Bundles bundles;

    SellerCouponsController(Coupons coupons, StoreManagement stores, CatalogQueries catalogQueries, Bundles bundles) {
        this.bundles = bundles;
        this.coupons = coupons;
        this.stores = stores;
        this.catalogQueries = catalogQueries;
    }

    @GetMapping("/seller/coupons")
    String list(@AuthenticationPrincipal CurrentUser seller, Model model) {
        var store = stores.findByOwner(seller.account()).orElse(null);
        if (store == null) {
            return "redirect:/stores/new";
        }
        return page(store.id(), CouponFormData.empty(), null, model);
    }

    @PostMapping("/seller/coupons")
    String create(@AuthenticationPrincipal CurrentUser seller, @ModelAttribute CouponFormData form, Model model, RedirectAttributes redirect) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        try {
            coupons.create(seller.account(), form.toParameters(StoreCurrency.of(catalogQueries.byStore(StoreId.of(store.id())))));
        } catch (DomainException e) {
            return page(store.id(), form, e.messageKey(), model);
        }
        Flash.success(redirect, "coupon.created", form.code().strip());
        return "redirect:/seller/coupons";
    }

    @PostMapping("/seller/coupons/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "coupon.deactivated", () -> coupons.deactivate(seller.account(), id));
        return "redirect:/seller/coupons";
    }

    private String page(UUID storeId, CouponFormData form, @Nullable String error, Model model) {
        model.addAttribute("coupons", coupons.ofStore(storeId));
        var workflows = catalogQueries.byStore(StoreId.of(storeId));
        model.addAttribute("workflows", workflows);
        model.addAttribute("bundles", bundles.ofStore(storeId, true));
        model.addAttribute("form", form);
        model.addAttribute("currency", StoreCurrency.of(workflows));
        model.addAttribute("error", error);
        model.addAttribute("now", Instant.now());
        return "commerce/seller-coupons";
    }
}
