package app.flowmarket.catalog;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;

/** What a seller writes about a workflow: its text, platform, price, category and tags. */
public record Listing(String title, String summary, String description, Platform platform, Money price,
                      @Nullable UUID categoryId, List<String> tagNames) {

    /** The currencies a listing can be priced in. */
    public static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP");
}
