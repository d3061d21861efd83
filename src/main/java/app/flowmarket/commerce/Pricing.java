package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import app.flowmarket.currency.DailyRates;
import app.flowmarket.currency.ExchangeRates;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.MinimumPrice;
import app.flowmarket.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one pricing engine: every price the buyer pays, every share a seller earns and every amount shown
 * in another currency is computed here, step by step, with each step explained. Later adjustments
 * (coupons, promotions, buyer bundles, seat tiers) become further steps of {@link #quote}; nothing else
 * does price arithmetic.
 *
 * <p>Overlaps are resolved before anything is priced: a workflow that a bundle in the same cart contains
 * is not charged again — the bundle replaces it, and the quote says so ({@link Included}); two bundles
 * that share a workflow cannot be bought together. So no quote sells one workflow twice.
 *
 * <p>Currencies: every line is priced in its seller's currency (list, net, fee, seller share — what the
 * ledger records), then its net is converted into the one currency the order is charged in, at the day's
 * reference rate ({@code rate} = charged currency per unit of the seller's, rounded to 10 decimals; the
 * charged amount rounded half-up to the charged currency's minor unit). A line in the charged currency
 * is not converted. Amounts shown in a visitor's currency are converted the same way, so the price shown
 * is the price charged on the same day.
 *
 * <p>Coupons ({@link CouponTerms}): a seller's code reduces that seller's lines only, and a cart holds at most one
 * code per store. Checks that need the buyer's history (dates, uses left, once per customer, first purchase)
 * arrive as the terms' {@code refusal}; the engine checks the rest: the code must cover a line of the cart
 * (its store, or its chosen workflows; a fixed amount only lines priced in its currency), and the store's
 * lines in the code's currency must reach its minimum. A percentage is taken off each covered line (rounded
 * half-up); a fixed amount is capped at what the covered lines cost and split among them in proportion to
 * their prices (the leftover minor units to the dearest lines first). A refused code is kept in the quote with
 * its reason so the buyer sees why.
 *
 * <p>Promotions ({@link PromotionTerms}): a seller's timed reduction of chosen workflows, running from its start
 * (included) to its end (excluded) at the instant the quote is made, so a price switches exactly then, in any
 * time zone. When several run on one workflow, the one that takes most off counts; a fixed amount only reduces
 * prices in its currency, and never below zero.
 *
 * <p>Licence tiers ({@link Sellable#tier}): a workflow's line is priced at the list price the seller asks for its
 * tier — the single licence's price, or the team's or company's set beside it. A tier the workflow does not offer
 * cannot be priced. Seller bundles are single licences. An upgrade of a licence the buyer holds ({@link Sellable#upgrade})
 * is listed at the difference between the two tiers' current list prices, never below zero; the promotion and the
 * coupon then apply to that difference as to any price.
 *
 * <p>Buyer-built bundles ({@link BuyerBundleTerms}): a buyer who puts several paid workflows of stores that take part
 * in one cart gets the platform's tiered percentage off each of them (e.g. 3 workflows -10 %, 5 -20 %: the highest tier
 * the count reaches). Each seller bears the percentage on their own lines, so the bundle's saving is split among the
 * sellers in proportion to what their lines cost after promotions. Seller bundles, licence upgrades, free lines and
 * other stores' lines neither count nor get it.
 *
 * <p>Stacking, in this order, each step applied to what the one before left: the tier's list price (a seller
 * bundle's own price replaces its workflows), then the promotion (its percentage of the tier's price; a fixed
 * amount as for a single licence), then the buyer's bundle, then the store's coupon. So a coupon's percentage is of the
 * price the buyer would otherwise pay, and the buyer always gets both; a line never goes below zero, and
 * the seller bears the discount: the platform fee is taken from what the buyer pays for the line.
 *
 * <p>Platform minimum ({@code flowmarket.commerce.minimum-price}, 0.50 in the line's own currency by default): after
 * every step, a paid line is never below the minimum, so discounts together stop there — a free line stays free, a
 * 100 % coupon on a paid line leaves the minimum, and the step that would go below it (the later one, in the order
 * above) gives only what is left above it. A line listed below the minimum (a licence upgrade's difference, a price set
 * before the minimum) keeps its list price: no discount applies to it, and nothing raises it. A fixed coupon is first
 * split as above, each line's share capped at what it has above the minimum and the rest given to the covered lines
 * that still have room, dearest first; what no line can take is not given. A line a discount stopped at the minimum
 * says so ({@link QuoteLine#atMinimum}).
 *
 * <p>Invariants: no amount is negative; for every line, seller share + platform fee = net price; the
 * order total is the sum of the amounts charged for its lines; no workflow is on two lines. The fee is
 * rounded half-up to the currency's minor unit.
 */
@Component
public class Pricing implements CurrencyConverter, MinimumPrice {

    private static final int RATE_DECIMALS = 10;
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private final CommerceSettings settings;
    private final ExchangeRates rates;

    Pricing(CommerceSettings settings, ExchangeRates rates) {
        this.settings = settings;
        this.rates = rates;
    }

    /**
     * One line: list, discount, net, fee and seller share in the seller's currency; {@code charged} is the
     * net in the order's currency at {@code rate} (1 when the two are the same).
     */
    public record QuoteLine(Sellable item, Money list, Money discount, Money net, Money fee, Money sellerShare, Money charged,
                            BigDecimal rate, List<String> steps, @Nullable UUID couponId, @Nullable String couponCode, Money couponDiscount,
                            @Nullable String promotionTitle, @Nullable UUID promotionId, Money promotionDiscount, Money bundleDiscount,
                            boolean atMinimum, @Nullable BundleTier bundleTier) {

        /** Whether the line is charged in another currency than its seller's price. */
        public boolean converted() {
            return !net.currency().equals(charged.currency());
        }
    }

    /** An item of the cart that a bundle in the same cart contains: the bundle replaces it, so it is not charged. */
    public record Included(Sellable item, Sellable bundle) {
    }

    /**
     * What a cart costs, charged in {@code currency}: the lines, and totals in that currency (subtotal and
     * discount are the converted list prices and reductions; total is what is charged). {@code ratesDate}
     * and {@code ratesSource} name the reference rates used.
     */
    public record Quote(Currency currency, List<QuoteLine> lines, Money subtotal, Money discount, Money total, Money fee,
                        List<Included> included, LocalDate ratesDate, String ratesSource, List<CouponOutcome> coupons,
                        BuyerBundle buyerBundle) {

        public boolean isFree() {
            return total.minor() == 0;
        }

        /** Whether any line is charged in another currency than its seller's price. */
        public boolean converted() {
            return lines.stream().anyMatch(QuoteLine::converted);
        }

        /** The lines' own currencies other than the one charged, each once, with the rate used. */
        public List<QuoteLine> conversions() {
            Set<Currency> seen = new HashSet<>();
            return lines.stream().filter(QuoteLine::converted).filter(l -> seen.add(l.net().currency())).toList();
        }

        /** The bundle of this quote that replaces the item, if one does. */
        public Optional<Sellable> includedIn(Sellable item) {
            return included.stream().filter(i -> i.item().kind() == item.kind() && i.item().refId().equals(item.refId()))
                    .map(Included::bundle).findFirst();
        }
    }

    /** A step of the platform's discount on buyer-built bundles: {@code percentOff} (1-90) from {@code items} workflows on. */
    public record BundleTier(int items, int percentOff) {

        public BundleTier {
            if (items < 2 || percentOff < 1 || percentOff > 90) {
                throw new IllegalArgumentException("a bundle tier takes 1-90 % off from 2 workflows on: " + items + ":" + percentOff);
            }
        }
    }

    /**
     * The platform's bundle tiers (fewest workflows first), the stores whose workflows take part, and the tiers some of
     * them offer of their own: a store's line gets whichever of the platform's and its own takes more off at the count.
     */
    public record BuyerBundleTerms(List<BundleTier> tiers, Set<UUID> stores, Map<UUID, List<BundleTier>> storeTiers) {

        public static final BuyerBundleTerms NONE = new BuyerBundleTerms(List.of(), Set.of());

        public BuyerBundleTerms(List<BundleTier> tiers, Set<UUID> stores) {
            this(tiers, stores, Map.of());
        }

        public BuyerBundleTerms {
            tiers = tiers.stream().sorted(Comparator.comparingInt(BundleTier::items)).toList();
            stores = Set.copyOf(stores);
            Map<UUID, List<BundleTier>> sorted = new HashMap<>();
            storeTiers.forEach((store, own) -> sorted.put(store, own.stream().sorted(Comparator.comparingInt(BundleTier::items)).toList()));
            storeTiers = Map.copyOf(sorted);
        }

        boolean counts(Sellable item, long price) {
            return item.kind() == Sellable.Kind.WORKFLOW && item.upgrade() == null && price > 0 && stores.contains(item.storeId());
        }

        /** The highest tier so many workflows reach. */
        Optional<BundleTier> reached(int items) {
            return reached(tiers, items);
        }

        /** The tier a line of the store gets at so many workflows: the platform's or the store's own, whichever takes more off. */
        Optional<BundleTier> reached(int items, UUID store) {
            return Stream.of(reached(items), reached(storeTiers.getOrDefault(store, List.of()), items)).flatMap(Optional::stream)
                    .max(Comparator.comparingInt(BundleTier::percentOff).thenComparingInt(BundleTier::items));
        }

        /** The tiers a store's lines get, fewest workflows first: the platform's and its own, each step taking more off. */
        public List<BundleTier> effective(UUID store) {
            List<BundleTier> steps = new ArrayList<>();
            Stream.concat(tiers.stream(), storeTiers.getOrDefault(store, List.of()).stream()).mapToInt(BundleTier::items).distinct().sorted()
                    .forEach(items -> reached(items, store).ifPresent(tier -> {
                        if (steps.isEmpty() || tier.percentOff() > steps.get(steps.size() - 1).percentOff()) {
                            steps.add(new BundleTier(items, tier.percentOff()));
                        }
                    }));
            return List.copyOf(steps);
        }

        /** The next tier up, for "add one more to save 20 %". */
        Optional<BundleTier> next(int items) {
            return tiers.stream().filter(t -> t.items() > items).findFirst();
        }

        private static Optional<BundleTier> reached(List<BundleTier> tiers, int items) {
            return tiers.stream().filter(t -> t.items() <= items).reduce((a, b) -> b);
        }
    }

    /**
     * The buyer's own bundle in a quote: how many of its workflows count, the tier reached (null: none yet), the next one
     * (null: the highest is reached, or no tiers), and the saving in the charged currency.
     */
    public record BuyerBundle(int items, @Nullable BundleTier tier, @Nullable BundleTier next, Money saving) {

        /** How many more workflows reach the next tier. */
        public int missing() {
            return next == null ? 0 : next.items() - items;
        }
    }

    /**
     * A seller's code as the cart holds it: {@code percentOff} (1-100) or {@code amountOff}; {@code minimum} is
     * in the code's currency (zero for none); {@code workflowIds} are the chosen workflows and seller bundles (their ids
     * never meet), empty for the whole store. {@code refusal}
     * is the message key of a reason found before pricing (expired, used up, …), or null.
     */
    public record CouponTerms(UUID id, String code, UUID storeId, @Nullable Integer percentOff, @Nullable Money amountOff, Money minimum,
                              Set<UUID> workflowIds, @Nullable String refusal) {

        public CouponTerms {
            workflowIds = Set.copyOf(workflowIds);
            if ((percentOff == null) == (amountOff == null)) {
                throw new IllegalArgumentException("a coupon takes off a percentage or an amount");
            }
        }

        boolean covers(Sellable item) {
            return item.storeId().equals(storeId) && (workflowIds.isEmpty() || workflowIds.contains(item.refId()))
                    && (amountOff == null || item.listPrice().currency().equals(amountOff.currency()));
        }
    }

    /** What a code did in this quote: the discount it gave (in its currency, or the lines' for a percentage), or why it was refused. */
    public record CouponOutcome(CouponTerms terms, @Nullable Money discount, @Nullable String refusal) {

        public boolean applied() {
            return refusal == null;
        }
    }

    /** A seller's timed reduction of chosen workflows: {@code percentOff} or {@code amountOff}, from {@code startsAt} until {@code endsAt}. */
    public record PromotionTerms(UUID id, String title, UUID storeId, @Nullable Integer percentOff, @Nullable Money amountOff, Instant startsAt,
                                 Instant endsAt, Set<UUID> workflowIds) {

        public PromotionTerms {
            workflowIds = Set.copyOf(workflowIds);
            if ((percentOff == null) == (amountOff == null)) {
                throw new IllegalArgumentException("a promotion takes off a percentage or an amount");
            }
        }

        /** Running at that instant: from its start, included, to its end, excluded. */
        public boolean runsAt(Instant at) {
            return !at.isBefore(startsAt) && at.isBefore(endsAt);
        }

        long off(Money price) {
            if (percentOff != null) {
                return BigDecimal.valueOf(price.minor()).multiply(BigDecimal.valueOf(percentOff))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
            }
            Money amount = Objects.requireNonNull(amountOff); // a promotion takes off a percentage or an amount
            return amount.currency().equals(price.currency()) ? Math.min(amount.minor(), price.minor()) : 0;
        }
    }

    /** A workflow's price under the promotion that takes most off it at that instant. */
    public record Promoted(Money price, Money was, PromotionTerms promotion) {

        /** The reduction as a whole percentage of the list price, for the badge. */
        public int percentOff() {
            return was.minor() == 0 ? 0 : (int) BigDecimal.valueOf(was.minor() - price.minor()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(was.minor()), 0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** The workflow's price under the best promotion running on it at {@code at}, if one takes something off. */
    public Optional<Promoted> promoted(UUID workflowId, Money listPrice, List<PromotionTerms> promotions, Instant at) {
        long floor = floor(listPrice);
        return promotions.stream().filter(p -> p.runsAt(at) && p.workflowIds().contains(workflowId))
                .filter(p -> p.off(listPrice) > 0)
                .max(Comparator.comparingLong((PromotionTerms p) -> p.off(listPrice)).thenComparing(PromotionTerms::endsAt))
                .filter(p -> listPrice.minor() > floor)
                .map(p -> new Promoted(new Money(Math.max(floor, listPrice.minor() - p.off(listPrice)), listPrice.currency()), listPrice, p));
    }

    /** A quote charged in the first item's currency. */
    public Quote quote(List<Sellable> items) {
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        return quote(items, items.get(0).listPrice().currency());
    }

    /** A quote charged in {@code chargeCurrency}, every item converted into it at the day's reference rates. */
    public Quote quote(List<Sellable> items, Currency chargeCurrency) {
        return quote(items, chargeCurrency, List.of());
    }

    /** A quote charged in {@code chargeCurrency} with the cart's coupons (at most one per store counts; see the class comment). */
    public Quote quote(List<Sellable> items, Currency chargeCurrency, List<CouponTerms> coupons) {
        return quote(items, chargeCurrency, coupons, List.of(), Instant.now());
    }

    /** A quote charged in {@code chargeCurrency} with the promotions running at {@code at} and the cart's coupons. */
    public Quote quote(List<Sellable> items, Currency chargeCurrency, List<CouponTerms> coupons, List<PromotionTerms> promotions,
                       Instant at) {
        return quote(items, chargeCurrency, coupons, promotions, BuyerBundleTerms.NONE, at);
    }

    /** A quote charged in {@code chargeCurrency} with the promotions running at {@code at}, the buyer's bundle and the cart's coupons. */
    public Quote quote(List<Sellable> items, Currency chargeCurrency, List<CouponTerms> coupons, List<PromotionTerms> promotions,
                       BuyerBundleTerms bundleTerms, Instant at) {
        if (items.isEmpty()) {
            throw new DomainException("cart.empty");
        }
        DailyRates today = rates.current();
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
        // each line's price before any coupon, and the platform minimum no discount takes it below
        Map<Sellable, Long> base = new LinkedHashMap<>();
        Map<Sellable, Long> floors = new HashMap<>();
        Map<Sellable, Promoted> promotedOf = new HashMap<>();
        Set<Sellable> atMinimum = new HashSet<>();
        for (Sellable item : charged) {
            Money list = listPrice(item);
            floors.put(item, floor(list));
            Optional<Promoted> promoted = item.kind() == Sellable.Kind.WORKFLOW
                    ? promoted(item.refId(), list, promotions, at) : Optional.empty();
            promoted.ifPresent(p -> {
                promotedOf.put(item, p);
                if (p.price().minor() > list.minor() - p.promotion().off(list)) {
                    atMinimum.add(item);
                }
            });
            base.put(item, promoted.map(p -> p.price().minor()).orElse(list.minor()));
        }
        // the buyer's own bundle: the tier the count reaches, its percentage off each counted line
        List<Sellable> counted = charged.stream().filter(item -> bundleTerms.counts(item, base.getOrDefault(item, 0L))).toList();
        Map<Sellable, BundleTier> tierOf = new HashMap<>();
        counted.forEach(item -> bundleTerms.reached(counted.size(), item.storeId()).ifPresent(t -> tierOf.put(item, t)));
        Optional<BundleTier> tier = bundleTerms.reached(counted.size())
                .or(() -> tierOf.values().stream().max(Comparator.comparingInt(BundleTier::percentOff)));
        Map<Sellable, Long> bundleOff = new HashMap<>();
        tierOf.forEach((item, t) -> {
            long price = base.getOrDefault(item, 0L);
            long percent = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(t.percentOff()))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
            long off = Math.min(percent, Math.max(0, price - amount(floors, item)));
            if (off < percent) {
                atMinimum.add(item);
            }
            bundleOff.put(item, off);
            base.put(item, price - off);
        });
        Map<Sellable, Long> couponOff = new HashMap<>();
        Map<Sellable, CouponTerms> couponOf = new HashMap<>();
        List<CouponOutcome> outcomes = new ArrayList<>();
        Set<UUID> storesWithCoupon = new HashSet<>();
        for (CouponTerms coupon : coupons) {
            if (!storesWithCoupon.add(coupon.storeId())) {
                outcomes.add(new CouponOutcome(coupon, null, "coupon.refused.one-per-store"));
                continue;
            }
            outcomes.add(applyCoupon(coupon, base, floors, couponOff, couponOf, atMinimum));
        }
        List<QuoteLine> lines = new ArrayList<>();
        long subtotal = 0;
        long discount = 0;
        long total = 0;
        long fee = 0;
        long bundleSaving = 0;
        for (Sellable item : charged) {
            QuoteLine line = price(item, chargeCurrency, today, included.stream().filter(i -> i.bundle().equals(item)).map(Included::item).toList(),
                    promotedOf.get(item), tierOf.get(item), bundleOff.getOrDefault(item, 0L), couponOf.get(item), couponOff.getOrDefault(item, 0L),
                    atMinimum.contains(item));
            bundleSaving += apply(line.bundleDiscount(), line.rate(), chargeCurrency);
            lines.add(line);
            BigDecimal rate = line.rate();
            long list = apply(line.list(), rate, chargeCurrency);
            subtotal += list;
            discount += list - line.charged().minor();
            total += line.charged().minor();
            fee += apply(line.fee(), rate, chargeCurrency);
        }
        return new Quote(chargeCurrency, List.copyOf(lines), new Money(subtotal, chargeCurrency), new Money(discount, chargeCurrency),
                new Money(total, chargeCurrency), new Money(fee, chargeCurrency), List.copyOf(included), today.date(), today.source(), List.copyOf(outcomes),
                new BuyerBundle(counted.size(), tier.orElse(null), bundleTerms.next(counted.size()).orElse(null), new Money(bundleSaving, chargeCurrency)));
    }

    /**
     * Checks what only prices can tell (a covered line, the minimum) and spreads the code's discount over the lines it covers,
     * none taken below its floor (the platform minimum); a line the floor stopped goes into {@code atMinimum}.
     */
    private static CouponOutcome applyCoupon(CouponTerms coupon, Map<Sellable, Long> base, Map<Sellable, Long> floors,
                                             Map<Sellable, Long> couponOff, Map<Sellable, CouponTerms> couponOf, Set<Sellable> atMinimum) {
        if (coupon.refusal() != null) {
            return new CouponOutcome(coupon, null, coupon.refusal());
        }
        List<Sellable> covered = base.keySet().stream().filter(coupon::covers).toList();
        if (covered.isEmpty()) {
            return new CouponOutcome(coupon, null, "coupon.refused.not-applicable");
        }
        Currency currency = coupon.minimum().currency();
        long storeTotal = base.entrySet().stream().filter(e -> e.getKey().storeId().equals(coupon.storeId())
                && e.getKey().listPrice().currency().equals(currency)).mapToLong(Map.Entry::getValue).sum();
        if (storeTotal < coupon.minimum().minor()) {
            return new CouponOutcome(coupon, null, "coupon.refused.minimum");
        }
        Map<Sellable, Long> room = new HashMap<>();
        covered.forEach(item -> room.put(item, Math.max(0, amount(base, item) - amount(floors, item))));
        Map<Sellable, Long> off = new LinkedHashMap<>();
        if (coupon.percentOff() != null) {
            for (Sellable item : covered) {
                long percent = BigDecimal.valueOf(amount(base, item)).multiply(BigDecimal.valueOf(coupon.percentOff()))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
                off.put(item, Math.min(percent, amount(room, item)));
                if (percent > amount(room, item)) {
                    atMinimum.add(item);
                }
            }
        } else {
            long coveredTotal = covered.stream().mapToLong(base::get).sum();
            long asked = Math.min(Objects.requireNonNull(coupon.amountOff()).minor(), coveredTotal);
            long amount = Math.min(asked, covered.stream().mapToLong(room::get).sum());
            long given = 0;
            for (Sellable item : covered) {
                long share = coveredTotal == 0 ? 0 : BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(amount(base, item)))
                        .divide(BigDecimal.valueOf(coveredTotal), 0, RoundingMode.DOWN).longValueExact();
                share = Math.min(share, amount(room, item));
                off.put(item, share);
                given += share;
            }
            // the minor units rounding left, and what a line's floor refused, to the dearest lines that have room
            List<Sellable> dearestFirst = covered.stream().sorted((a, b) -> Long.compare(amount(base, b), amount(base, a))).toList();
            while (given < amount) {
                List<Sellable> open = dearestFirst.stream().filter(item -> amount(off, item) < amount(room, item)).toList();
                long each = Math.max(1, (amount - given) / open.size());
                for (Sellable item : open) {
                    long more = Math.min(Math.min(each, amount - given), amount(room, item) - amount(off, item));
                    off.merge(item, more, Long::sum);
                    given += more;
                }
            }
            if (amount < asked) {
                covered.stream().filter(item -> amount(base, item) > 0).forEach(atMinimum::add);
            }
        }
        off.forEach((item, amount) -> {
            couponOff.put(item, amount);
            couponOf.put(item, coupon);
        });
        Currency discountCurrency = coupon.amountOff() != null ? coupon.amountOff().currency() : covered.get(0).listPrice().currency();
        long total = off.entrySet().stream().filter(e -> e.getKey().listPrice().currency().equals(discountCurrency))
                .mapToLong(Map.Entry::getValue).sum();
        return new CouponOutcome(coupon, new Money(total, discountCurrency), null);
    }

    private QuoteLine price(Sellable item, Currency chargeCurrency, DailyRates today, List<Sellable> replaced, @Nullable Promoted promoted,
                            @Nullable BundleTier bundleTier, long bundleOff, @Nullable CouponTerms coupon, long couponOff, boolean atMinimum) {
        List<String> steps = new ArrayList<>();
        Money listPrice = listPrice(item);
        Currency currency = listPrice.currency();
        long list = listPrice.minor();
        if (list < 0) {
            throw new IllegalArgumentException("negative price");
        }
        Sellable.Upgrade upgrade = item.upgrade();
        steps.add(upgrade != null ? "upgrade from " + upgrade.from().slug() + " to " + item.tier().slug() + " licence: " + tierPrice(item) + " - "
                + tierPrice(item.withTier(upgrade.from())) + " = " + listPrice
                : item.tier() == LicenceTier.SINGLE ? "list price " + listPrice
                : item.tier().name().toLowerCase(java.util.Locale.ROOT) + " licence list price " + listPrice + " (single " + item.listPrice() + ")");
        for (Sellable workflow : replaced) {
            steps.add("replaces \"" + workflow.title() + "\" (" + workflow.listPrice() + ") in the cart, which it contains");
        }
        long discount = 0;
        if (promoted != null) {
            discount += list - promoted.price().minor();
            steps.add("promotion \"" + promoted.promotion().title() + "\" until " + promoted.promotion().endsAt() + ": -"
                    + new Money(list - promoted.price().minor(), currency));
        }
        if (bundleTier != null && bundleOff > 0) {
            discount += bundleOff;
            steps.add("buyer's bundle of " + bundleTier.items() + "+ workflows " + bundleTier.percentOff() + "% off: -" + new Money(bundleOff, currency));
        }
        if (coupon != null && couponOff > 0) {
            discount += couponOff;
            steps.add("coupon " + coupon.code() + (coupon.percentOff() != null ? " " + coupon.percentOff() + "% off" : "")
                    + ": -" + new Money(couponOff, currency));
        }
        long net = Math.max(0, list - discount);
        if (atMinimum) {
            steps.add("platform minimum " + minimumPrice(currency) + ": the discounts stop at " + new Money(net, currency));
        }
        long fee = feeOf(net);
        steps.add("platform fee " + settings.platformFeeBps() / 100.0 + "% of " + new Money(net, currency) + " = " + new Money(fee, currency));
        long seller = net - fee;
        steps.add("seller share " + new Money(seller, currency));
        BigDecimal rate = rate(currency, chargeCurrency, today).orElseThrow(() -> new DomainException("cart.currency-unavailable"));
        Money charged = new Money(apply(new Money(net, currency), rate, chargeCurrency), chargeCurrency);
        if (!currency.equals(chargeCurrency)) {
            steps.add("charged " + charged + " at 1 " + currency.getCurrencyCode() + " = " + rate.stripTrailingZeros().toPlainString() + " "
                    + chargeCurrency.getCurrencyCode() + " (reference rates of " + today.date() + ", " + today.source() + ")");
        }
        return new QuoteLine(item, new Money(list, currency), new Money(discount, currency), new Money(net, currency),
                new Money(fee, currency), new Money(seller, currency), charged, rate, List.copyOf(steps),
                coupon != null && couponOff > 0 ? coupon.id() : null, coupon != null && couponOff > 0 ? coupon.code() : null,
                new Money(coupon != null ? couponOff : 0, currency), promoted == null ? null : promoted.promotion().title(),
                promoted == null ? null : promoted.promotion().id(), new Money(promoted == null ? 0 : list - promoted.price().minor(), currency),
                new Money(bundleOff, currency), atMinimum, bundleOff > 0 ? bundleTier : null);
    }

    /**
     * The currency an order is charged in: the buyer's, when the processor can charge it; otherwise the
     * sellers' own currency when the whole cart is priced in one the processor takes (their price is charged
     * as it is); otherwise the first currency of the cart the processor takes, else the processor's first.
     */
    public Currency chargeCurrency(Currency buyers, List<Sellable> items, Collection<Currency> chargeable) {
        if (chargeable.contains(buyers)) {
            return buyers;
        }
        Set<Currency> priced = new LinkedHashSet<>();
        items.forEach(i -> priced.add(i.listPrice().currency()));
        return priced.stream().filter(chargeable::contains).findFirst()
                .orElseGet(() -> chargeable.stream().findFirst().orElseThrow(() -> new IllegalStateException("the processor charges no currency")));
    }

    /** The first step: the list price of the item's licence tier, which the workflow must offer. */
    public static Money listPrice(Sellable item) {
        Sellable.Upgrade upgrade = item.upgrade();
        if (upgrade != null) {
            Money to = tierPrice(item);
            Money from = tierPrice(item.withTier(upgrade.from()));
            return new Money(Math.max(0, to.minor() - from.minor()), to.currency());
        }
        return tierPrice(item);
    }

    private static Money tierPrice(Sellable item) {
        if (item.tier() == LicenceTier.SINGLE) {
            return item.listPrice();
        }
        if (item.kind() != Sellable.Kind.WORKFLOW) {
            throw new DomainException("cart.tier-unavailable");
        }
        Money price = item.licences().of(item.tier(), item.listPrice()).orElseThrow(() -> new DomainException("cart.tier-unavailable"));
        if (!price.currency().equals(item.listPrice().currency())) {
            throw new IllegalArgumentException("a tier is priced in its workflow's currency");
        }
        return price;
    }

    /** A bundle beside its workflows bought one by one: what they cost separately and what the bundle saves (never negative). */
    public record BundleOffer(Money separately, Money saving) {
    }

    public BundleOffer bundleOffer(Money bundlePrice, List<Money> workflowPrices) {
        long separately = workflowPrices.stream().mapToLong(Money::minor).sum();
        Currency currency = bundlePrice.currency();
        return new BundleOffer(new Money(separately, currency), new Money(Math.max(0, separately - bundlePrice.minor()), currency));
    }

    // ---- platform minimum ------------------------------------------------------------------------

    @Override
    public Money minimumPrice(Currency currency) {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return new Money(settings.minimumPrice().setScale(digits, RoundingMode.UP).movePointRight(digits).longValueExact(), currency);
    }

    /** What no discount takes a line of that list price below: the minimum for a paid line (its list price when lower), nothing for a free one. */
    private long floor(Money listPrice) {
        return listPrice.minor() <= 0 ? 0 : Math.min(listPrice.minor(), minimumPrice(listPrice.currency()).minor());
    }

    // ---- conversion ------------------------------------------------------------------------------

    @Override
    public Optional<Money> convert(Money amount, Currency to) {
        if (amount.currency().equals(to)) {
            return Optional.of(amount);
        }
        return rate(amount.currency(), to, rates.current()).map(rate -> new Money(apply(amount, rate, to), to));
    }

    @Override
    public Optional<Long> referenceMicros(BigDecimal amount, Currency currency) {
        return rates.current().perEuro(currency)
                .map(perEuro -> amount.multiply(MICROS).divide(perEuro, 0, RoundingMode.HALF_UP).longValueExact());
    }

    @Override
    public Optional<BigDecimal> rate(Currency from, Currency to) {
        return rate(from, to, rates.current());
    }

    @Override
    public LocalDate ratesDate() {
        return rates.current().date();
    }

    /** Units of {@code to} per unit of {@code from} on that day, to 10 decimals (exactly 1 for the same currency). */
    static Optional<BigDecimal> rate(Currency from, Currency to, DailyRates day) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> fromPerEuro = day.perEuro(from);
        Optional<BigDecimal> toPerEuro = day.perEuro(to);
        if (fromPerEuro.isEmpty() || toPerEuro.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toPerEuro.get().divide(fromPerEuro.get(), RATE_DECIMALS, RoundingMode.HALF_UP));
    }

    /** The amount times the rate, in minor units of {@code to}, rounded half-up. */
    private static long apply(Money amount, BigDecimal rate, Currency to) {
        if (rate.compareTo(BigDecimal.ONE) == 0 && amount.currency().equals(to)) {
            return amount.minor();
        }
        return amount.toDecimal().multiply(rate).setScale(to.getDefaultFractionDigits(), RoundingMode.HALF_UP)
                .movePointRight(to.getDefaultFractionDigits()).longValueExact();
    }

    long feeOf(long net) {
        return BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(settings.platformFeeBps()))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Every item of a coupon's lines has its amount in these maps. */
    private static long amount(Map<Sellable, Long> amounts, Sellable item) {
        return Objects.requireNonNull(amounts.get(item));
    }
}
