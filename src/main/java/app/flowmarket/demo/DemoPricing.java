package app.flowmarket.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.flowmarket.commerce.Coupons;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Money;
import org.springframework.stereotype.Component;

/** The demo seller's pricing offers: the store-wide code WELCOME10 that the README names. */
@Component
class DemoPricing {

    static final String WELCOME_CODE = "WELCOME10";

    private final Coupons coupons;

    DemoPricing(Coupons coupons) {
        this.coupons = coupons;
    }

    void write(AccountId seller, String currency, Instant now) {
        coupons.create(seller, new Coupons.CouponForm(WELCOME_CODE, 10, null, Money.of(0, currency), List.of(),
                now.minus(Duration.ofDays(3)), null, null, false, false));
    }
}
