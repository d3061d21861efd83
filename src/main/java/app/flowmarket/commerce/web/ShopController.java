package app.flowmarket.commerce.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement.PurchasableWorkflow;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.commerce.BuyerBundles;
import app.flowmarket.commerce.Carts;
import app.flowmarket.commerce.Coupons;
import app.flowmarket.commerce.OrderManagement;
import app.flowmarket.commerce.Pricing;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.platform.DisplayCurrency;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cart, checkout and the buyer's orders; free workflows straight into the library. Prices are shown in
 * the buyer's currency (see {@link DisplayCurrency}) and charged in it when the processor can.
 */
@Controller
class ShopController {

    private final Carts carts;
    private final Coupons coupons;
    private final OrderManagement orders;
    private final Bundles bundles;
    private final CatalogManagement catalog;
    private final StoreManagement stores;
    private final DisplayCurrency displayCurrency;
    private final BuyerBundles buyerBundles;

    ShopController(Carts carts, Coupons coupons, OrderManagement orders, Bundles bundles, CatalogManagement catalog, StoreManagement stores,
                   DisplayCurrency displayCurrency, BuyerBundles buyerBundles) {
        this.buyerBundles = buyerBundles;
        this.carts = carts;
        this.coupons = coupons;
        this.orders = orders;
        this.bundles = bundles;
        this.catalog = catalog;
        this.stores = stores;
        this.displayCurrency = displayCurrency;
    }

    /** The buy box of a workflow page, loaded by htmx: price, add to cart or get it free, or "you own this". */
    @GetMapping("/workflows/{slug}/buy-box")
    String buyBox(@PathVariable String slug, @AuthenticationPrincipal CurrentUser user, Model model) {
        var workflow = catalog.purchasableBySlug(slug).filter(PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
        model.addAttribute("workflow", workflow);
        model.addAttribute("owned", user != null && orders.hasBought(user.account(), WorkflowId.of(workflow.id())));
        model.addAttribute("seller", user != null && stores.findByOwner(user.account()).map(s -> s.id().equals(workflow.storeId())).orElse(false));
        model.addAttribute("bundles", bundles.ofStore(workflow.storeId(), true).stream()
                .filter(b -> b.workflows().stream().anyMatch(w -> w.id().equals(workflow.id()))).toList());
        // a paid workflow of a store that takes part in buyers' bundles says what bundling saves
        model.addAttribute("bundleTiers", !workflow.price().isFree() && buyerBundles.takesPart(StoreId.of(workflow.storeId()))
                ? buyerBundles.tiersFor(StoreId.of(workflow.storeId())) : List.of());
        return "commerce/buy-box";
    }

    @GetMapping("/cart")
    String cart(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String code, HttpServletRequest request,
                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (code != null) {
            // a shared link such as /cart?code=WELCOME10: the code goes into the cart, and the address loses it
            applyCode(user, code, request, response, redirect);
            return "redirect:/cart";
        }
        Carts.CartOwner owner = CartSession.owner(user, request);
        List<Sellable> items = carts.items(owner);
        model.addAttribute("items", items);
        Pricing.Quote quote = null;
        String problem = null;
        if (!items.isEmpty()) {
            try {
                quote = orders.quote(owner, items, displayCurrency.of(request));
            } catch (DomainException e) {
                problem = e.messageKey();
            }
        }
        model.addAttribute("quote", quote);
        model.addAttribute("problem", problem);
        Map<UUID, String> storeNames = new HashMap<>();
        if (quote != null) {
            quote.coupons().forEach(c -> storeNames.computeIfAbsent(c.terms().storeId(),
                    id -> stores.find(StoreId.of(id)).map(StoreManagement.StoreView::name).orElse("")));
        }
        model.addAttribute("storeNames", storeNames);
        return "commerce/cart";
    }

    @PostMapping("/cart/coupons")
    String addCode(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                   HttpServletResponse response, RedirectAttributes redirect) {
        applyCode(user, code, request, response, redirect);
        return "redirect:/cart";
    }

    @PostMapping("/cart/coupons/{id}/delete")
    String removeCode(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletRequest request, RedirectAttributes redirect) {
        coupons.remove(CartSession.owner(user, request), id);
        Flash.success(redirect, "coupon.removed");
        return "redirect:/cart";
    }

    private void applyCode(CurrentUser user, String code, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            UUID cartId = coupons.apply(CartSession.owner(user, request), code);
            CartSession.remember(user, cartId, request, response);
            Flash.success(redirect, "coupon.added", code.strip());
        } catch (DomainException e) {
            Flash.error(redirect, e);
        }
    }

    @PostMapping("/cart/items")
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "WORKFLOW") String kind,
               @RequestParam UUID id, @RequestParam(defaultValue = "SINGLE") String tier, HttpServletRequest request,
               HttpServletResponse response, RedirectAttributes redirect) {
        Sellable.Kind itemKind = kind(kind);
        Optional<Sellable> item = carts.resolve(itemKind, id);
        if (itemKind == Sellable.Kind.WORKFLOW && item.isPresent() && item.get().listPrice().isFree()) {
            // a free workflow never goes through the cart: "Get it free" without JavaScript lands here
            return getFree(user, item.get().slug(), redirect);
        }
        Flash.attempt(redirect, "cart.added", () -> {
            UUID cartId = carts.add(CartSession.owner(user, request), itemKind, id, tier(tier));
            CartSession.remember(user, cartId, request, response);
        });
        return "redirect:/cart";
    }

    /** "Upgrade to Team" (a form of the licence page): the difference goes into the cart; paying it raises the licence, whose key stays. */
    @PostMapping("/cart/upgrades")
    String upgrade(@AuthenticationPrincipal CurrentUser buyer, @RequestParam(defaultValue = "") String key,
                   @RequestParam(defaultValue = "") String tier, RedirectAttributes redirect) {
        if (buyer == null) {
            return "redirect:/login";
        }
        Flash.attempt(redirect, "upgrade.added", () -> carts.upgrade(buyer.account(), key, tier(tier)));
        return "redirect:/cart";
    }

    /** Another licence tier for a workflow in the cart: the same line, at the tier's price. */
    @PostMapping("/cart/items/WORKFLOW/{id}/tier")
    String changeTier(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "SINGLE") String tier,
                      HttpServletRequest request, RedirectAttributes redirect) {
        Flash.attempt(redirect, "cart.tier.changed", () -> carts.changeTier(CartSession.owner(user, request), id, tier(tier)));
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{kind}/{id}/delete")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, @PathVariable UUID id,
                  HttpServletRequest request, RedirectAttributes redirect) {
        carts.remove(CartSession.owner(user, request), kind(kind), id);
        Flash.success(redirect, "cart.removed");
        return "redirect:/cart";
    }

    /** A free workflow, for someone who had to sign in first: one button adds it to their library. */
    @GetMapping("/library/free/{slug}")
    String getFreePage(@PathVariable String slug, @AuthenticationPrincipal CurrentUser buyer, Model model) {
        var workflow = catalog.purchasableBySlug(slug).filter(PurchasableWorkflow::published)
                .filter(w -> w.price().isFree()).orElseThrow(() -> new NotFoundException("workflow"));
        if (orders.hasBought(buyer.account(), WorkflowId.of(workflow.id()))) {
            return "redirect:/library";
        }
        model.addAttribute("workflow", workflow);
        return "commerce/get-free";
    }

    /** "Get it free": straight into the library, no cart, no checkout, no payment. */
    @PostMapping("/library/free/{slug}")
    String getFree(@AuthenticationPrincipal CurrentUser buyer, @PathVariable String slug, RedirectAttributes redirect) {
        if (buyer == null) {
            return "redirect:/library/free/" + slug;
        }
        var workflow = catalog.purchasableBySlug(slug).filter(PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
        try {
            orders.getFree(buyer.actor(), WorkflowId.of(workflow.id()));
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "redirect:/workflows/" + workflow.slug();
        }
        Flash.success(redirect, "free.added", workflow.title());
        return "redirect:/library";
    }

    /** The buyer's open checkout if there is one (resumed, never a second order), else the cart as a new order to pay. */
    @GetMapping("/checkout")
    String checkoutPage(@AuthenticationPrincipal CurrentUser buyer, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Optional<OrderManagement.OpenCheckout> open = orders.openCheckout(buyer.actor());
        if (open.isPresent()) {
            model.addAttribute("open", open.get());
            model.addAttribute("quote", null);
            return "commerce/checkout";
        }
        List<Sellable> items = carts.items(new Carts.CartOwner(buyer.account(), null));
        if (items.isEmpty()) {
            Flash.error(redirect, new DomainException("cart.empty"));
            return "redirect:/cart";
        }
        try {
            model.addAttribute("quote", orders.quote(new Carts.CartOwner(buyer.account(), null), items, displayCurrency.of(request)));
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "redirect:/cart";
        }
        model.addAttribute("open", null);
        model.addAttribute("countries", countries(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        // the country of the browser's language, when it names one ("en-GB"), is the likely one
        model.addAttribute("likelyCountry", request.getLocale().getCountry());
        return "commerce/checkout";
    }

    @PostMapping("/checkout")
    String checkout(@AuthenticationPrincipal CurrentUser buyer, @RequestParam(required = false) @Nullable String idempotencyKey,
                    @RequestParam(required = false) @Nullable String ratesDate, @RequestParam(required = false) @Nullable Long total,
                    @RequestParam(required = false) @Nullable String country, @RequestParam(required = false) @Nullable String shareEmail,
                    @RequestHeader(value = "Idempotency-Key", required = false) @Nullable String headerKey, HttpServletRequest request,
                    RedirectAttributes redirect) {
        try {
            OrderManagement.Placement placement = orders.checkout(buyer.actor(), headerKey != null ? headerKey : idempotencyKey,
                    displayCurrency.of(request), day(ratesDate), total, new OrderManagement.BuyerDetails(country, "true".equals(shareEmail)));
            return "redirect:" + placement.redirectUrl();
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "checkout.rates-changed".equals(e.messageKey()) ? "redirect:/checkout" : "redirect:/cart";
        }
    }

    /** Every country, by ISO code, named in the page's language and sorted by that name. */
    static List<Map.Entry<String, String>> countries(java.util.Locale language) {
        java.text.Collator collator = java.text.Collator.getInstance(language);
        return java.util.Arrays.stream(java.util.Locale.getISOCountries())
                .map(code -> Map.entry(code, java.util.Locale.of("", code).getDisplayCountry(language)))
                .sorted(Map.Entry.comparingByValue(collator)).toList();
    }

    @GetMapping("/orders")
    String myOrders(@AuthenticationPrincipal CurrentUser buyer, Model model) {
        model.addAttribute("orders", orders.ofBuyer(buyer.actor()));
        return "commerce/orders";
    }

    @GetMapping("/orders/{id}")
    String order(@AuthenticationPrincipal CurrentUser buyer, @PathVariable UUID id,
                 @RequestParam(required = false) @Nullable String returned,
                 @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("order", orders.ofBuyer(buyer.actor(), id));
        // back from the processor's page, which only sends buyers back after a successful payment:
        // an earlier declined attempt must not hide the confirmation that is on its way
        model.addAttribute("returned", returned != null);
        return "true".equals(htmx) ? "commerce/order-status" : "commerce/order";
    }

    /** "Pay now": back to the order's checkout at the processor. */
    @PostMapping("/orders/{id}/pay")
    String payOrder(@AuthenticationPrincipal CurrentUser buyer, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            return "redirect:" + orders.pay(buyer.actor(), id).redirectUrl();
        } catch (DomainException e) {
            Flash.error(redirect, e);
            return "redirect:/orders/" + id;
        }
    }

    @PostMapping("/orders/{id}/cancel")
    String cancelOrder(@AuthenticationPrincipal CurrentUser buyer, @PathVariable UUID id, RedirectAttributes redirect) {
        Flash.attempt(redirect, "order.cancelled", () -> orders.cancel(buyer.actor(), id));
        return "redirect:/orders";
    }

    /** The day of the rates the checkout page showed; none when the form did not say (an older page, an API client). */
    private static @Nullable LocalDate day(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A tier as a form sends it; anything else is a mistake the buyer is told about, never a server error. */
    private static LicenceTier tier(String tier) {
        try {
            return LicenceTier.valueOf(tier.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("cart.tier-unavailable");
        }
    }

    private static Sellable.Kind kind(String kind) {
        try {
            return Sellable.Kind.valueOf(kind.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("kind");
        }
    }
}
