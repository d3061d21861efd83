package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One priced item of an {@link Order}: a workflow or a bundle, with what it cost in its seller's currency and
 * who earns what (the ledger's amounts), and what was charged for it in the order's currency at which rate.
 * Changed only through its order.
 */
@Entity
@Table(name = "order_line")
class OrderLine {

    enum Status { ACTIVE, REFUNDED }

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;
    private int position;
    @Enumerated(EnumType.STRING)
    private Sellable.Kind kind;
    private UUID refId;
    private String title;
    private UUID storeId;
    // the seller's currency: list, net, fee and seller share are in it
    private String currency;
    private long listMinor;
    private long netMinor;
    private long feeMinor;
    private long sellerMinor;
    // in the order's currency, converted from net at rate (units of the order's currency per unit of the line's)
    private long chargedMinor;
    private BigDecimal rate;
    @Convert(converter = WorkflowIdsColumn.class)
    private List<UUID> workflowIds;
    @Enumerated(EnumType.STRING)
    private Status status;
    private @Nullable Instant refundedAt;
    // the seller's code that reduced this line, as it was sold
    private @Nullable UUID couponId;
    private @Nullable String couponCode;
    // what the coupon and the promotion took off this line, and the promotion that did (for their sellers' figures)
    private long couponDiscountMinor;
    private @Nullable UUID promotionId;
    private long promotionDiscountMinor;
    /** What the buyer's own bundle took off the line (see {@link Pricing}). */
    private long bundleDiscountMinor;
    // the licence sold with the line: one person, a team or a company
    @Enumerated(EnumType.STRING)
    private LicenceTier licenceTier = LicenceTier.SINGLE;
    // an upgrade: the order line of the buyer's licence it raises to licenceTier
    private @Nullable UUID upgradeOf;

    protected OrderLine() {
    }

    OrderLine(Order order, int position, Pricing.QuoteLine priced) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.position = position;
        this.kind = priced.item().kind();
        this.refId = priced.item().refId();
        this.title = priced.item().title();
        this.storeId = priced.item().storeId();
        this.currency = priced.net().currency().getCurrencyCode();
        this.listMinor = priced.list().minor();
        this.netMinor = priced.net().minor();
        this.feeMinor = priced.fee().minor();
        this.sellerMinor = priced.sellerShare().minor();
        this.chargedMinor = priced.charged().minor();
        this.rate = priced.rate();
        this.workflowIds = List.copyOf(priced.item().workflowIds());
        this.status = Status.ACTIVE;
        this.couponId = priced.couponId();
        this.couponCode = priced.couponCode();
        this.couponDiscountMinor = priced.couponId() == null ? 0 : priced.couponDiscount().minor();
        this.promotionId = priced.promotionId();
        this.promotionDiscountMinor = priced.promotionDiscount().minor();
        this.bundleDiscountMinor = priced.bundleDiscount().minor();
        this.licenceTier = priced.item().tier();
        this.upgradeOf = priced.item().upgrade() == null ? null : priced.item().upgrade().licenceLineId();
    }

    /** The coupon that reduced this line, if one did. */
    @Nullable UUID couponId() {
        return couponId;
    }

    void refund(Instant at) {
        status = Status.REFUNDED;
        refundedAt = at;
    }

    boolean isRefunded() {
        return status == Status.REFUNDED;
    }

    UUID id() {
        return id;
    }

    StoreId storeId() {
        return StoreId.of(storeId);
    }

    Money net() {
        return money(netMinor);
    }

    /** What the buyer was charged for this line, in the order's currency. */
    Money charged() {
        return new Money(chargedMinor, order.total().currency());
    }

    /** The line as it was sold, for events. */
    OrderPaid.Line sold() {
        return new OrderPaid.Line(id, kind, refId, title, storeId(), workflowIds.stream().map(WorkflowId::of).toList(),
                net(), money(feeMinor), money(sellerMinor), charged(), rate, licenceTier, upgradeOf);
    }

    OrderManagement.LineView toView() {
        return new OrderManagement.LineView(id, kind, refId, title, storeId, money(listMinor), net(), money(feeMinor), money(sellerMinor),
                charged(), rate, workflowIds, status.name(), refundedAt, licenceTier);
    }

    private Money money(long minor) {
        return Money.of(minor, currency);
    }

    /** The workflows of a line, stored as comma-separated ids. */
    @Converter
    static class WorkflowIdsColumn implements AttributeConverter<List<UUID>, String> {

        @Override
        public String convertToDatabaseColumn(List<UUID> ids) {
            return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
        }

        @Override
        public List<UUID> convertToEntityAttribute(String column) {
            return column == null ? List.of() : Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(UUID::fromString).toList();
        }
    }
}
