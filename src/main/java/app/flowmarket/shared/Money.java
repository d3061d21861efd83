package app.flowmarket.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in minor units (cents) of an ISO-4217 currency. No floating point near a price. */
public record Money(long minor, Currency currency) implements java.io.Serializable {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Parses a decimal amount typed by a person ("19", "19.5", "19,50") into minor units. */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        BigDecimal value = new BigDecimal(amount.trim().replace(',', '.'));
        if (value.scale() > currency.getDefaultFractionDigits()) {
            throw new NumberFormatException("too many decimals");
        }
        return new Money(value.movePointRight(currency.getDefaultFractionDigits()).longValueExact(), currency);
    }

    public boolean isFree() {
        return minor == 0;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(minor % 100 == 0 ? 0 : currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(toDecimal());
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }
}
