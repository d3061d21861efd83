package app.flowmarket.moderation;

import java.util.Optional;

import app.flowmarket.shared.Money;

/** The pricing rule: a paid listing priced at a factor or more below or above what its category usually costs. */
final class PricingRule {

    private PricingRule() {
    }

    static Optional<String> check(Money price, Optional<Money> usual, int factor) {
        if (price.minor() <= 0 || usual.isEmpty() || !usual.get().currency().equals(price.currency())) {
            return Optional.empty();
        }
        long typical = usual.get().minor();
        if (price.minor() * factor <= typical || price.minor() >= typical * factor) {
            return Optional.of(price + " where the category usually costs " + usual.get() + " (×" + factor + " off)");
        }
        return Optional.empty();
    }
}
