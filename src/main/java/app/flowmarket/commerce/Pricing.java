package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The one pricing engine: every price the buyer pays and every share a seller earns is computed
 * here, step by step, with each step explained. Later adjustments (coupons, promotions, buyer
 * bundles, seat tiers) become further steps of {@link #quote}; nothing else does price arithmetic.
 *
 * <p>Overlaps are resolved before anything is priced: a workflow that a bundle in the same cart contains
 * is not charged again — the bundle replaces it, and the quote says so ({@link Included}); two bundles
 * that share a workflow cannot be bought together. So no quote sells one workflow twice.
 *
 * <p>Invariants: no amount is negative; for every line, seller share + platform fee = net price; the
 * order total is the sum of the line nets; no workflow is on two lines. The fee is rounded half-up to
 * the currency's minor unit.
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

    /** An item of the cart that a bundle in the same cart contains: the bundle replaces it, so it is not charged. */
    public record Included(Sellable item, Sellable bundle) {
    }

    public record Quote(Currency currency, List<QuoteLine> lines, Money subtotal, Money discount, Money total, Money fee,
                        List<Included> included) {

        public boolean isFree() {
            return total.minor() == 0;
        }

        /** The bundle of this quote that replaces the item, if one does. */
        public Optional<Sellable> includedIn(Sellable item) {
            return included.stream().filter(i -> i.item().kind() == item.kind() && i.item().refId().equals(item.refId()))
                    .map(Included::bundle).findFirst();
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
        List<Sellable> bundles = items.stream().filter(i -> i.kind() == Sellable.Kind.BUNDLE).toList();
        Set<UUID> inBundles = new HashSet<>();
        for (Sellable bundle : bundles) {
            for (UUID workflowId : bundle.workflowIds()) {
                if (!inBundles.add(workflowId)) {
                    throw new DomainException("cart.bundles-overlap");
                }
            }
        }
        List<Included> included = new ArrayList<>();
        List<Sellable> charged = new ArrayList<>();
        for (Sellable item : items) {
            Optional<Sellable> bundle = item.kind() == Sellable.Kind.WORKFLOW
                    ? bundles.stream().filter(b -> b.workflowIds().contains(item.refId())).findFirst() : Optional.empty();
            if (bundle.isPresent()) {
                included.add(new Included(item, bundle.get()));
            } else {
                charged.add(item);
            }
        }
        List<QuoteLine> lines = new ArrayList<>();
        long subtotal = 0;
        long discount = 0;
        long total = 0;
        long fee = 0;
        for (Sellable item : charged) {
            QuoteLine line = price(item, currency, included.stream().filter(i -> i.bundle().equals(item)).map(Included::item).toList());
            lines.add(line);
            subtotal += line.list().minor();
            discount += line.discount().minor();
            total += line.net().minor();
            fee += line.fee().minor();
        }
        return new Quote(currency, List.copyOf(lines), new Money(subtotal, currency), new Money(discount, currency),
                new Money(total, currency), new Money(fee, currency), List.copyOf(included));
    }

    private QuoteLine price(Sellable item, Currency currency, List<Sellable> replaced) {
        List<String> steps = new ArrayList<>();
        long list = item.listPrice().minor();
        if (list < 0) {
            throw new IllegalArgumentException("negative price");
        }
        steps.add("list price " + item.listPrice());
        for (Sellable workflow : replaced) {
            steps.add("replaces \"" + workflow.title() + "\" (" + workflow.listPrice() + ") in the cart, which it contains");
        }
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
