package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The one pricing engine: every price the buyer pays and every share a seller earns is computed
 * here, step by step, with each step explained. Later adjustments (coupons, promotions, buyer
 * bundles, seat tiers) become further steps of {@link #quote}; nothing else does price arithmetic.
 *
 * <p>Invariants: no amount is negative; for every line, seller share + platform fee = net price; the
 * order total is the sum of the line nets. The fee is rounded half-up to the currency's minor unit.
 */
@Component
public class Pricing {

    private final CommerceSettings settings;

    Pricing(CommerceSettings settings) {
        this.settings = settings;
    }

    public record QuoteLine(Sellable item, Money list, Money discount, Money net, Money fee, Money sellerShare,
                            List<String> steps) {
    }

    public record Quote(Currency currency, List<QuoteLine> lines, Money subtotal, Money discount, Money total, Money fee) {

        public boolean isFree() {
            return total.minor() == 0;
        }
    }

    public Quote quote(List<Sellable> items) {
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        Currency currency = items.get(0).listPrice().currency();
        if (items.stream().anyMatch(i -> !i.listPrice().currency().equals(currency))) {
            throw new DomainException("cart.mixed-currencies");
        }
        List<QuoteLine> lines = new ArrayList<>();
        long subtotal = 0;
        long discount = 0;
        long total = 0;
        long fee = 0;
        for (Sellable item : items) {
            QuoteLine line = price(item, currency);
            lines.add(line);
            subtotal += line.list().minor();
            discount += line.discount().minor();
            total += line.net().minor();
            fee += line.fee().minor();
        }
        return new Quote(currency, List.copyOf(lines), new Money(subtotal, currency), new Money(discount, currency),
                new Money(total, currency), new Money(fee, currency));
    }

    private QuoteLine price(Sellable item, Currency currency) {
        List<String> steps = new ArrayList<>();
        long list = item.listPrice().minor();
        if (list < 0) {
            throw new IllegalArgumentException("negative price");
        }
        steps.add("list price " + item.listPrice());
        long discount = 0;
        long net = Math.max(0, list - discount);
        long fee = feeOf(net);
        steps.add("platform fee " + settings.platformFeeBps() / 100.0 + "% of " + new Money(net, currency) + " = " + new Money(fee, currency));
        long seller = net - fee;
        steps.add("seller share " + new Money(seller, currency));
        return new QuoteLine(item, new Money(list, currency), new Money(discount, currency), new Money(net, currency),
                new Money(fee, currency), new Money(seller, currency), List.copyOf(steps));
    }

    /** A bundle beside its workflows bought one by one: what they cost separately and what the bundle saves (never negative). */
    public record BundleOffer(Money separately, Money saving) {
    }

    public BundleOffer bundleOffer(Money bundlePrice, List<Money> workflowPrices) {
        long separately = workflowPrices.stream().mapToLong(Money::minor).sum();
        Currency currency = bundlePrice.currency();
        return new BundleOffer(new Money(separately, currency), new Money(Math.max(0, separately - bundlePrice.minor()), currency));
    }

    long feeOf(long net) {
        return BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(settings.platformFeeBps()))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
