package app.flowmarket.api.rest;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import app.flowmarket.account.Person;
import app.flowmarket.api.ApiAccess;
import app.flowmarket.api.ApiCaller;
import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiIdempotency;
import app.flowmarket.api.ApiProblems;
import app.flowmarket.api.ApiScope;
import app.flowmarket.api.rest.ApiDtos.Price;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.catalog.Listing;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.Upload;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.WorkflowId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sellers publish from their own tools (scope {@code workflows:write}): the same service, rules, file checks and
 * screening as the seller's pages; only the token owner's store's workflows, any other id is a 404.
 */
@RestController
@RequestMapping(path = "/api/v1/me/workflows", produces = "application/json")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Seller workflows", description = "Create, edit, version and publish the token owner's workflows.")
@SecurityRequirement(name = "token")
class SellerWorkflowApiController {

    private final ApiAccess access;
    private final CatalogManagement catalog;
    private final CatalogPages pages;
    private final ApiIdempotency idempotency;
    private final JsonMapper json;
    private final MessageSource messages;

    SellerWorkflowApiController(ApiAccess access, CatalogManagement catalog, CatalogPages pages, ApiIdempotency idempotency, JsonMapper json,
                                MessageSource messages) {
        this.access = access;
        this.catalog = catalog;
        this.pages = pages;
        this.idempotency = idempotency;
        this.json = json;
        this.messages = messages;
    }

    /** The workflow file as a base64 string, with the name it had on disk. */
    record WorkflowFile(@Nullable String name, @Nullable String contentBase64) {
    }

    /**
     * A listing's fields; on PATCH, a field left out keeps its value. Prices are decimal strings such as "19.00" in the
     * listing's currency: {@code teamPrice} (5 seats) and {@code companyPrice} (unlimited seats) are the licences offered
     * beside the single one, each dearer than the one below; an empty string withdraws one.
     */
    record ListingFields(@Nullable String title, @Nullable String summary, @Nullable String description, @Nullable String platform,
                         @Nullable String price, @Nullable String currency, @Nullable UUID categoryId, @Nullable List<String> tags,
                         @Nullable String teamPrice, @Nullable String companyPrice) {
    }

    record NewWorkflow(@Nullable String title, @Nullable String summary, @Nullable String description, @Nullable String platform,
                       @Nullable String price, @Nullable String currency, @Nullable UUID categoryId, @Nullable List<String> tags,
                       @Nullable WorkflowFile file, @Nullable String teamPrice, @Nullable String companyPrice) {
    }

    record NewVersion(@Nullable String changelog, @Nullable WorkflowFile file) {
    }

    /**
     * Something accepted that the seller should still fix, as the upload page shows it: a value in the file that looks
     * like a secret (code {@value #SECRET_IN_FILE}). The version is saved and the listing goes to moderation.
     */
    record Warning(String field, String code, String detail) {
    }

    record Version(UUID id, int number, String changelog, String fileName, long fileSize, String sha256, List<Warning> warnings) {
    }

    /** {@code teamPrice} and {@code companyPrice} are null when that licence is not offered. */
    record SellerWorkflowDetail(UUID id, String slug, String title, String summary, String description, String platform, Price price,
                                @Nullable Price teamPrice, @Nullable Price companyPrice, String status, @Nullable UUID categoryId, List<String> tags, List<Version> versions, @Nullable Instant publishedAt,
                                Instant updatedAt, List<Warning> warnings) {
    }

    /** The warnings' code: stable, for clients to branch on. */
    static final String SECRET_IN_FILE = "workflow.file.secret";

    @Operation(summary = "One of the seller's workflows, drafts included", description = "Scope `workflows:write`.")
    @GetMapping("/{id}")
    SellerWorkflowDetail get(@PathVariable UUID id) {
        Person seller = access.seller(access.require(ApiScope.WORKFLOWS_WRITE));
        return detail(pages.forEditing(seller.id(), WorkflowId.of(id)));
    }

    @Operation(summary = "Create a draft workflow with its first file version", description = "Scope `workflows:write`. The file is sent "
            + "base64-encoded in `file.contentBase64`; it is checked exactly as on the seller's upload page. A value in it that looks like "
            + "a secret does not refuse it (as on the page): the answer's `warnings` name it (field `file`, code `workflow.file.secret`) "
            + "and the listing is held for moderation. `teamPrice` and `companyPrice` offer the team (5 seats) and company (unlimited) "
            + "licences, in the listing's currency, each dearer than the one below. Send an `Idempotency-Key` header to retry safely.")
    @PostMapping(consumes = "application/json")
    ResponseEntity<String> create(@RequestBody NewWorkflow body, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        ApiCaller caller = access.require(ApiScope.WORKFLOWS_WRITE);
        Person seller = access.seller(caller);
        return idempotency.once(caller, key, json.writeValueAsString(body), () -> {
            ListingFields fields = new ListingFields(body.title(), body.summary(), body.description(), body.platform(), body.price(),
                    body.currency(), body.categoryId(), body.tags(), body.teamPrice(), body.companyPrice());
            Listing listing = listing(fields, null);
            UUID id = catalog.createWorkflow(actor(seller), listing, upload(body.file()), licences(fields, listing, LicencePrices.NONE));
            String answer = json.writeValueAsString(detail(pages.forEditing(seller.id(), WorkflowId.of(id))));
            return new ApiIdempotency.Result(201, "/api/v1/me/workflows/" + id, answer);
        });
    }

    @Operation(summary = "Change a workflow's listing", description = "Scope `workflows:write`. Fields left out keep their value; "
            + "`teamPrice` or `companyPrice` sent as an empty string withdraws that licence (buyers who hold one keep it).")
    @PatchMapping(path = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
    SellerWorkflowDetail update(@PathVariable UUID id, @RequestBody ListingFields body) {
        Person seller = access.seller(access.require(ApiScope.WORKFLOWS_WRITE));
        WorkflowPage current = pages.forEditing(seller.id(), WorkflowId.of(id));
        Listing listing = listing(body, current);
        catalog.updateListing(actor(seller), WorkflowId.of(id), listing, licences(body, listing, licencesOf(WorkflowId.of(id))));
        return detail(pages.forEditing(seller.id(), WorkflowId.of(id)));
    }

    @Operation(summary = "Upload a new version of a workflow", description = "Scope `workflows:write`. A changelog is required; the file is "
            + "checked as on the seller's upload page, and values that look like secrets are named in `warnings` (code "
            + "`workflow.file.secret`). Send an `Idempotency-Key` header to retry safely.")
    @PostMapping(path = "/{id}/versions", consumes = "application/json")
    ResponseEntity<String> addVersion(@PathVariable UUID id, @RequestBody NewVersion body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        ApiCaller caller = access.require(ApiScope.WORKFLOWS_WRITE);
        Person seller = access.seller(caller);
        return idempotency.once(caller, key, id + json.writeValueAsString(body), () -> {
            var version = catalog.addVersion(actor(seller), WorkflowId.of(id), body.changelog() == null ? "" : body.changelog(), upload(body.file()));
            return new ApiIdempotency.Result(201, "/api/v1/me/workflows/" + id, json.writeValueAsString(version(version)));
        });
    }

    @Operation(summary = "Publish a workflow", description = "Scope `workflows:write`. It needs at least one version.")
    @PostMapping("/{id}/publish")
    SellerWorkflowDetail publish(@PathVariable UUID id) {
        Person seller = access.seller(access.require(ApiScope.WORKFLOWS_WRITE));
        catalog.publish(actor(seller), WorkflowId.of(id));
        return detail(pages.forEditing(seller.id(), WorkflowId.of(id)));
    }

    @Operation(summary = "Unpublish (archive) a workflow", description = "Scope `workflows:write`. Buyers keep what they bought; "
            + "publishing again brings it back.")
    @PostMapping("/{id}/unpublish")
    SellerWorkflowDetail unpublish(@PathVariable UUID id) {
        Person seller = access.seller(access.require(ApiScope.WORKFLOWS_WRITE));
        catalog.archive(actor(seller), WorkflowId.of(id));
        return detail(pages.forEditing(seller.id(), WorkflowId.of(id)));
    }

    private SellerWorkflowDetail detail(WorkflowPage p) {
        List<Version> versions = p.versions().stream().map(this::version).toList();
        LicencePrices licences = licencesOf(WorkflowId.of(p.id()));
        return new SellerWorkflowDetail(p.id(), p.slug(), p.title(), p.summary(), p.descriptionMarkdown(), p.platform().slug(),
                Price.of(p.price()), licences.team() == null ? null : Price.of(licences.team()),
                licences.company() == null ? null : Price.of(licences.company()), p.status().name().toLowerCase(Locale.ROOT), p.category() == null ? null : p.category().id(),
                p.tags().stream().map(t -> t.name().english()).toList(), versions, p.publishedAt(), p.updatedAt(),
                versions.isEmpty() ? List.of() : versions.getFirst().warnings());
    }

    private Version version(CatalogManagement.VersionView v) {
        String title = messages.getMessage("workflow.secrets.title", null, "workflow.secrets.title", LocaleContextHolder.getLocale());
        List<Warning> warnings = v.secretWarnings().stream().map(line -> new Warning("file", SECRET_IN_FILE, title + " " + line)).toList();
        return new Version(v.id(), v.number(), v.changelog(), v.fileName(), v.fileSize(), v.sha256(), warnings);
    }

    private static Actor actor(Person seller) {
        return new Actor(seller.id(), seller.email(), seller.roles());
    }

    /** The fields sent, over the current listing when there is one; the rules themselves stay in the catalogue. */
    private static Listing listing(ListingFields f, @Nullable WorkflowPage current) {
        String platformSlug = f.platform() != null ? f.platform() : current != null ? current.platform().slug() : "";
        Platform platform = Platform.fromSlug(platformSlug).orElseThrow(() -> new DomainException("workflow.platform.invalid"));
        Money price;
        if (f.price() == null && f.currency() == null && current != null) {
            price = current.price();
        } else {
            String currency = f.currency() != null ? f.currency().strip().toUpperCase(Locale.ROOT)
                    : current != null ? current.price().currency().getCurrencyCode() : "";
            if (!Listing.CURRENCIES.contains(currency)) {
                throw new DomainException("workflow.price.invalid");
            }
            String amount = f.price() != null ? f.price() : current != null ? current.price().toDecimal().toPlainString() : "0";
            try {
                price = Money.parse(amount.isBlank() ? "0" : amount, currency);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new DomainException("workflow.price.invalid");
            }
        }
        UUID category = f.categoryId() != null ? f.categoryId() : current != null && current.category() != null ? current.category().id() : null;
        List<String> tags = f.tags() != null ? f.tags() : current != null ? current.tags().stream().map(t -> t.name().english()).toList() : List.of();
        return new Listing(pick(f.title(), current == null ? null : current.title()), pick(f.summary(), current == null ? null : current.summary()),
                pick(f.description(), current == null ? null : current.descriptionMarkdown()), platform, price, category, tags);
    }

    private LicencePrices licencesOf(WorkflowId id) {
        return catalog.purchasable(id).map(CatalogManagement.PurchasableWorkflow::licences).orElse(LicencePrices.NONE);
    }

    /**
     * The licences sent over those offered now, in the listing's currency (a tier left out keeps its amount, an empty one is
     * withdrawn); the catalogue checks them against the price, as for the seller's form.
     */
    private static LicencePrices licences(ListingFields f, Listing listing, LicencePrices current) {
        String currency = listing.price().currency().getCurrencyCode();
        return new LicencePrices(tier(f.teamPrice(), current.team(), currency, "workflow.tiers.team.invalid"),
                tier(f.companyPrice(), current.company(), currency, "workflow.tiers.company.invalid"));
    }

    private static @Nullable Money tier(@Nullable String sent, @Nullable Money current, String currency, String invalid) {
        if (sent == null) {
            return current == null ? null : Money.parse(current.toDecimal().toPlainString(), currency);
        }
        if (sent.isBlank()) {
            return null;
        }
        try {
            return Money.parse(sent, currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException(invalid);
        }
    }

    private static String pick(@Nullable String sent, @Nullable String current) {
        return sent != null ? sent : current != null ? current : "";
    }

    private static @Nullable Upload upload(@Nullable WorkflowFile file) {
        if (file == null || file.contentBase64() == null || file.contentBase64().isBlank()) {
            return null;
        }
        try {
            return new Upload(file.name(), Base64.getDecoder().decode(file.contentBase64().replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiProblems.Kind.BAD_REQUEST, "file.contentBase64 is not valid base64.");
        }
    }
}
