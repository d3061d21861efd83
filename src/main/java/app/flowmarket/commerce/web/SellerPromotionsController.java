package app.flowmarket.commerce.web;

import java.time.Instant;
import java.util.UUID;

import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.commerce.Promotions;
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

/** A seller's timed promotions: listed, scheduled, ended. */
@Controller
class SellerPromotionsController {

    private final Promotions promotions;
    private final StoreManagement stores;
    private final CatalogQueries catalogQueries;

    SellerPromotionsController(Promotions promotions, StoreManagement stores, CatalogQueries catalogQueries) {
        this.promotions = promotions;
        this.stores = stores;
        this.catalogQueries = catalogQueries;
    }

    @GetMapping("/seller/promotions")
    String list(@AuthenticationPrincipal CurrentUser seller, Model model) {
        var store = stores.findByOwner(seller.account()).orElse(null);
        if (store == null) {
            return "redirect:/stores/new";
        }
        return page(store.id(), PromotionFormData.empty(), null, model);
    }

    @PostMapping("/seller/promotions")
    String create(@AuthenticationPrincipal CurrentUser seller, @ModelAttribute PromotionFormData form, Model model,
                  RedirectAttributes redirect) {
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        try {
            promotions.create(seller.account(), form.toParameters(StoreCurrency.of(catalogQueries.byStore(StoreId.of(store.id())))));
        } catch (DomainException e) {
            return page(store.id(), form, e.messageKey(), model);
        }
        Flash.success(redirect, "promotion.created");
        return "redirect:/seller/promotions";
    }

    @PostMapping("/seller/promotions/{id}/end")
    String end(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "promotion.ended-now", () -> promotions.end(seller.account(), id));
        return "redirect:/seller/promotions";
    }

    private String page(UUID storeId, PromotionFormData form, @Nullable String error, Model model) {
        model.addAttribute("promotions", promotions.ofStore(storeId));
        var workflows = catalogQueries.byStore(StoreId.of(storeId));
        model.addAttribute("workflows", workflows);
        model.addAttribute("form", form);
        model.addAttribute("currency", StoreCurrency.of(workflows));
        model.addAttribute("error", error);
        model.addAttribute("now", Instant.now());
        return "commerce/seller-promotions";
    }
}
