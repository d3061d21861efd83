package app.flowmarket.api.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiProblems;
import app.flowmarket.api.ApiScope;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Licence checks for a seller's own tools: is this key one my store sold, and is it still good? */
@RestController
@RequestMapping(path = "/api/v1/licences", produces = "application/json")
@Tag(name = "Licences", description = "Verify the licence keys your store sold.")
@SecurityRequirement(name = "token")
class LicenceApiController {

    private final ApiAccess access;
    private final StoreManagement stores;
    private final Licensing licensing;

    LicenceApiController(ApiAccess access, StoreManagement stores, Licensing licensing) {
        this.access = access;
        this.stores = stores;
        this.licensing = licensing;
    }

    record VerifyRequest(@Nullable String key) {
    }

    /** What the key is good for; never who bought it. {@code seatsTotal} is null for unlimited seats. */
    record Verification(String key, String status, boolean valid, List<UUID> workflowIds, String tier, @Nullable Integer seatsTotal,
                        int seatsUsed, Instant purchasedAt, @Nullable Instant revokedAt) {

        static Verification of(Licensing.LicenceCheck c) {
            return new Verification(c.key(), c.valid() ? "valid" : "revoked", c.valid(), c.workflowIds().stream().map(WorkflowId::value).toList(),
                    c.tier().slug(), c.seatsTotal(), c.seatsUsed(), c.purchasedAt(), c.revokedAt());
        }
    }

    @Operation(summary = "Verify a licence key your store sold",
            description = "Scope `licences:read` or `sales:read`. Answers whether the key is valid or revoked (its order line was refunded), "
                    + "the workflows it covers, its tier and seats, and when it was bought; never the buyer. A key another store sold "
                    + "answers 404, as an unknown key.")
    @PostMapping(path = "/verify", consumes = "application/json")
    Verification verify(@RequestBody VerifyRequest body) {
        Person seller = access.seller(access.require(ApiScope.LICENCES_READ, ApiScope.SALES_READ));
        String key = body.key() == null ? "" : body.key().strip();
        if (key.isEmpty() || key.length() > 64) {
            throw new ApiException(ApiProblems.Kind.VALIDATION, "Send the licence key as {\"key\": \"FM-XXXXX-XXXXX-XXXXX-XXXXX\"}.");
        }
        StoreId store = StoreId.of(stores.findByOwner(seller.id()).orElseThrow(() -> new NotFoundException("store")).id());
        return licensing.verify(store, key.toUpperCase(Locale.ROOT)).map(Verification::of)
                .orElseThrow(() -> new NotFoundException("licence"));
    }
}
