package app.flowmarket.api.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiIdempotency;
import app.flowmarket.api.ApiScope;
import app.flowmarket.api.rest.ApiDtos.Price;
import app.flowmarket.commerce.Coupons;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.store.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The seller's coupon codes through the API, with the same rules as the coupons page (scope {@code coupons:write}). */
@RestController
@RequestMapping(path = "/api/v1/me/coupons", produces = "application/json")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Coupons", description = "The token owner's store coupons.")
@SecurityRequirement(name = "token")
class CouponApiController {

    private final ApiAccess access;
    private final Coupons coupons;
    private final StoreManagement stores;
    private final ApiIdempotency idempotency;
    private final JsonMapper json;

    CouponApiController(ApiAccess access, Coupons coupons, StoreManagement stores, ApiIdempotency idempotency, JsonMapper json) {
        this.access = access;
        this.coupons = coupons;
        this.stores = stores;
        this.idempotency = idempotency;
        this.json = json;
    }

    record Coupon(UUID id, String code, @Nullable Integer percentOff, @Nullable Price amountOff, Price minimum, List<UUID> workflowIds,
                  Instant startsAt, @Nullable Instant endsAt, @Nullable Integer maxUses, int uses, boolean oncePerCustomer,
                  boolean firstPurchaseOnly, String status) {
        static Coupon of(Coupons.CouponView c) {
            return new Coupon(c.id(), c.code(), c.percentOff(), c.amountOff() == null ? null : Price.of(c.amountOff()), Price.of(c.minimum()),
                    c.workflowIds(), c.startsAt(), c.endsAt(), c.maxUses(), c.uses(), c.oncePerCustomer(), c.firstPurchaseOnly(),
                    c.status(Instant.now()));
        }
    }

    /** Either {@code percentOff} (1-100) or {@code amountOff} (a decimal such as "5.00" in {@code currency}); no workflow ids: the whole store. */
    record NewCoupon(@Nullable String code, @Nullable Integer percentOff, @Nullable String amountOff, @Nullable String minimum,
                     @Nullable String currency, @Nullable List<UUID> workflowIds, @Nullable Instant startsAt, @Nullable Instant endsAt,
                     @Nullable Integer maxUses, @Nullable Boolean oncePerCustomer, @Nullable Boolean firstPurchaseOnly) {
    }

    @Operation(summary = "The store's coupons, newest first", description = "Scope `coupons:write`.")
    @GetMapping
    List<Coupon> list() {
        Person seller = access.seller(access.require(ApiScope.COUPONS_WRITE));
        return coupons.ofStore(stores.requireStoreOf(seller.id()).id()).stream().map(Coupon::of).toList();
    }

    @Operation(summary = "Create a coupon", description = "Scope `coupons:write`. Send an `Idempotency-Key` header to retry safely.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<String> create(@RequestBody NewCoupon body, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        ApiCaller caller = access.require(ApiScope.COUPONS_WRITE);
        Person seller = access.seller(caller);
        return idempotency.once(caller, key, json.writeValueAsString(body), () -> {
            String currency = body.currency() == null ? "USD" : body.currency().strip().toUpperCase(Locale.ROOT);
            Money amountOff = body.amountOff() == null ? null : money(body.amountOff(), currency, "coupon.amount.invalid");
            Money minimum = body.minimum() == null ? money("0", currency, "coupon.minimum.invalid") : money(body.minimum(), currency, "coupon.minimum.invalid");
            UUID id = coupons.create(seller.id(), new Coupons.CouponForm(body.code() == null ? "" : body.code(), body.percentOff(), amountOff, minimum,
                    body.workflowIds() == null ? List.of() : body.workflowIds(), body.startsAt() == null ? Instant.now() : body.startsAt(), body.endsAt(),
                    body.maxUses(), Boolean.TRUE.equals(body.oncePerCustomer()), Boolean.TRUE.equals(body.firstPurchaseOnly())));
            Coupon created = Coupon.of(coupons.find(id).orElseThrow(() -> new NotFoundException("coupon")));
            return new ApiIdempotency.Result(201, "/api/v1/me/coupons/" + id, json.writeValueAsString(created));
        });
    }

    @Operation(summary = "Deactivate a coupon at once", description = "Scope `coupons:write`. Carts holding it show it refused.")
    @PostMapping("/{id}/deactivate")
    Coupon deactivate(@PathVariable UUID id) {
        Person seller = access.seller(access.require(ApiScope.COUPONS_WRITE));
        coupons.deactivate(seller.id(), id);
        return Coupon.of(coupons.find(id).orElseThrow(() -> new NotFoundException("coupon")));
    }

    private static Money money(String amount, String currency, String errorKey) {
        try {
            return Money.parse(amount.isBlank() ? "0" : amount.strip(), currency);
        } catch (RuntimeException e) {
            throw new DomainException(errorKey);
        }
    }
}
