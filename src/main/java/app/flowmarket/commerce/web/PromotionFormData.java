package app.flowmarket.commerce.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import app.flowmarket.commerce.Promotions;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;

/** The promotion form as typed: {@code kind} is "percent" or "amount"; start and end are minutes in UTC. */
public record PromotionFormData(String title, String kind, String value, List<UUID> workflowIds, String startsAt, String endsAt) {

    public static PromotionFormData empty() {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        return new PromotionFormData("", "percent", "20", List.of(), start.toString(), start.plusDays(7).toString());
    }

    public boolean chosen(UUID workflowId) {
        return workflowIds != null && workflowIds.contains(workflowId);
    }

    public Promotions.PromotionForm toParameters(String currency) {
        boolean percent = !"amount".equals(kind);
        Integer percentOff = null;
        Money amountOff = null;
        try {
            String v = value == null || value.isBlank() ? "x" : value.strip().replace("%", "").strip();
            if (percent) {
                percentOff = Integer.valueOf(v);
            } else {
                amountOff = Money.parse(v, currency);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DomainException(percent ? "promotion.percent.invalid" : "coupon.amount.invalid");
        }
        return new Promotions.PromotionForm(title, percentOff, amountOff, workflowIds == null ? List.of() : workflowIds, instant(startsAt),
                instant(endsAt));
    }

    private static Instant instant(String value) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DomainException("promotion.dates.invalid");
        }
    }
}
