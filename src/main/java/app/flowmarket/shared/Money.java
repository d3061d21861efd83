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

    private static final java.util.regex.Pattern TYPED_AMOUNT = java.util.regex.Pattern.compile("[0-9]{1,12}([.,][0-9]{1,4})?");

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a decimal amount typed by a person ("19", "19.5", "19,50") into minor units. ASCII digits
     * only: Java would read other scripts' digits ("٣" as 3) as numbers nobody meant to type.
     */
    public static Money parse(String amount, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        String typed = amount.trim();
        if (!TYPED_AMOUNT.matcher(typed).matches()) {
            throw new NumberFormatException("not an amount: digits 0-9 with at most one decimal separator");
        }
        BigDecimal value = new BigDecimal(typed.replace(',', '.'));
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
