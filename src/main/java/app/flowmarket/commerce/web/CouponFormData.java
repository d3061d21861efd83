package app.flowmarket.commerce.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import app.flowmarket.commerce.Coupons;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;

/**
 * The form as typed: {@code kind} is "percent" or "amount"; dates are whole days in UTC, the last one
 * included; blank cap and minimum mean none.
 */
public record CouponFormData(String code, String kind, String value, String scope, List<UUID> workflowIds, String startsOn, String endsOn,
                             String maxUses, String minimum, Boolean oncePerCustomer, Boolean firstPurchaseOnly) {

    public static CouponFormData empty() {
        return new CouponFormData("", "percent", "", "store", List.of(), LocalDate.now(ZoneOffset.UTC).toString(), "", "", "", false, false);
    }

    public boolean chosen(UUID workflowId) {
        return workflowIds != null && workflowIds.contains(workflowId);
    }

    public Coupons.CouponForm toParameters(String currency) {
        boolean percent = !"amount".equals(kind);
        Integer percentOff = null;
        Money amountOff = null;
        try {
            if (percent) {
                percentOff = Integer.valueOf(blank(value) ? "x" : value.strip().replace("%", "").strip());
            } else {
                amountOff = Money.parse(blank(value) ? "x" : value.strip(), currency);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException(percent ? "coupon.percent.invalid" : "coupon.amount.invalid");
        }
        Money min;
        try {
            min = blank(minimum) ? Money.of(0, currency) : Money.parse(minimum.strip(), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException("coupon.minimum.invalid");
        }
        Integer cap;
        try {
            cap = blank(maxUses) ? null : Integer.valueOf(maxUses.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("coupon.max-uses.invalid");
        }
        List<UUID> workflows = "workflows".equals(scope) ? (workflowIds == null ? List.of() : workflowIds) : List.of();
        if ("workflows".equals(scope) && workflows.isEmpty()) {
            throw new DomainException("coupon.workflows.none");
        }
        Instant starts = blank(startsOn) ? Instant.now() : day(startsOn).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant ends = blank(endsOn) ? null : day(endsOn).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Coupons.CouponForm(code, percentOff, amountOff, min, workflows, starts, ends, cap,
                Boolean.TRUE.equals(oncePerCustomer), Boolean.TRUE.equals(firstPurchaseOnly));
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("coupon.dates.invalid");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
