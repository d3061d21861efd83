package app.flowmarket.catalog.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.flowmarket.catalog.LicencePrices;
import app.flowmarket.catalog.Listing;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/** The listing form as typed. Every field is a string so that nothing a person types fails to bind. */
public record WorkflowFormData(String title, String summary, String description, String platform, String price,
                               String currency, String category, String tags, @Nullable String teamOffered, @Nullable String teamPrice,
                               @Nullable String companyOffered, @Nullable String companyPrice) {

    public static WorkflowFormData empty() {
        return new WorkflowFormData("", "", "", "n8n", "0", "USD", "", "", null, "", null, "");
    }

    static WorkflowFormData of(WorkflowPage page, LicencePrices licences) {
        return new WorkflowFormData(page.title(), page.summary(), page.descriptionMarkdown(), page.platform().slug(),
                page.price().toDecimal().toPlainString(), page.price().currency().getCurrencyCode(),
                page.category() == null ? "" : page.category().id().toString(),
                String.join(", ", page.tags().stream().map(t -> t.name().english()).toList()),
                licences.team() == null ? null : "on", licences.team() == null ? "" : licences.team().toDecimal().toPlainString(),
                licences.company() == null ? null : "on", licences.company() == null ? "" : licences.company().toDecimal().toPlainString());
    }

    /** Whether the seller ticked the tier on. */
    public boolean offers(LicenceTier tier) {
        return switch (tier) {
            case SINGLE -> true;
            case TEAM -> teamOffered != null && !teamOffered.isBlank();
            case COMPANY -> companyOffered != null && !companyOffered.isBlank();
        };
    }

    /** The price typed for the tier, as typed. */
    public String tierPrice(LicenceTier tier) {
        String typed = switch (tier) {
            case SINGLE -> price;
            case TEAM -> teamPrice;
            case COMPANY -> companyPrice;
        };
        return typed == null ? "" : typed;
    }

    /** The tiers ticked on, at the prices typed (in the listing's currency); the rules of the catalogue check them against the price. */
    LicencePrices toLicencePrices() {
        String code = currency == null ? "" : currency.strip().toUpperCase();
        return new LicencePrices(offers(LicenceTier.TEAM) ? tierMoney(teamPrice, code, "workflow.tiers.team.invalid") : null,
                offers(LicenceTier.COMPANY) ? tierMoney(companyPrice, code, "workflow.tiers.company.invalid") : null);
    }

    private static Money tierMoney(@Nullable String amount, String code, String invalid) {
        if (amount == null || amount.isBlank() || !Listing.CURRENCIES.contains(code)) {
            throw new DomainException(invalid);
        }
        try {
            return Money.parse(amount, code);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException(invalid);
        }
    }

    Listing toParameters() {
        Platform chosen = Platform.fromSlug(platform).orElseThrow(() -> new DomainException("workflow.platform.invalid"));
        return new Listing(title, summary, description, chosen, money(), categoryId(), tagList());
    }

    private Money money() {
        String code = currency == null ? "" : currency.strip().toUpperCase();
        if (!Listing.CURRENCIES.contains(code)) {
            throw new DomainException("workflow.price.invalid");
        }
        String amount = price == null || price.isBlank() ? "0" : price;
        try {
            return Money.parse(amount, code);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException("workflow.price.invalid");
        }
    }

    private @Nullable UUID categoryId() {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(category.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("workflow.category.invalid");
        }
    }

    private List<String> tagList() {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
