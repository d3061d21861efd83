package app.flowmarket.demo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.commerce.Coupons;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The demo seller's own bundle: three of the store's paid workflows (none of them on sale) at one price, and a code
 * ({@value #BUNDLE_CODE}) that takes 15 % off that bundle only; the store-wide WELCOME10 covers it as well.
 */
@Component
class DemoSellerBundle {

    static final String BUNDLE_CODE = "KIT15";
    static final String TITLE = "Lead-to-deal kit";

    private final AccountManagement accounts;
    private final Bundles bundles;
    private final Coupons coupons;

    DemoSellerBundle(AccountManagement accounts, Bundles bundles, Coupons coupons) {
        this.accounts = accounts;
        this.bundles = bundles;
        this.coupons = coupons;
    }

    /** {@code paidWorkflows} in catalogue order: the first two are on sale, the next three make the bundle. */
    void write(AccountId seller, String currency, List<UUID> paidWorkflows, Instant now) {
        if (paidWorkflows.size() < 5) {
            return;
        }
        var actor = accounts.find(seller.value()).orElseThrow().actor();
        // the lead router, the LinkedIn sync and the meeting-to-deal flow: 39 + 19 + 12 bought one by one
        UUID bundle = bundles.create(actor, TITLE, "Route inbound leads, sync LinkedIn contacts and turn booked meetings into deals: "
                + "the three steps from a new lead to a deal in your CRM.", Money.of(5500, currency), paidWorkflows.subList(2, 5));
        coupons.create(seller, new Coupons.CouponForm(BUNDLE_CODE, 15, null, Money.of(0, currency), List.of(bundle),
                DemoPricing.welcomeStarts(now), null, null, false, false));
    }
}
