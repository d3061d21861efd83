package app.flowmarket.payout;

import java.math.BigInteger;
import java.util.Locale;

import app.flowmarket.shared.DomainException;

/**
 * A seller's bank account as typed: an IBAN (checked with its mod-97 check digits) or a plain account number (digits,
 * 4 to 34). Kept without spaces; shown only as its last four characters. {@link #toString()} masks it too, so a log line
 * that prints one never carries the number.
 */
public record BankAccount(String holder, String number) {

    public BankAccount {
        holder = holder == null ? "" : holder.strip();
        number = normalise(number);
        if (holder.isEmpty() || holder.length() > 120) {
            throw new DomainException("payout.method.holder.invalid");
        }
        if (looksLikeIban(number)) {
            if (!validIban(number)) {
                throw new DomainException("payout.method.iban.invalid");
            }
        } else if (!number.matches("[0-9]{4,34}")) {
            throw new DomainException("payout.method.number.invalid");
        }
    }

    public boolean iban() {
        return looksLikeIban(number);
    }

    public String last4() {
        return number.substring(number.length() - 4);
    }

    public String masked() {
        return mask(last4());
    }

    /** How every page shows an account: four dots and its last four characters. */
    public static String mask(String last4) {
        return "•••• " + last4;
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static boolean looksLikeIban(String number) {
        return number.length() >= 2 && Character.isLetter(number.charAt(0)) && Character.isLetter(number.charAt(1));
    }

    /** ISO 13616: country, two check digits, then the account; moved to the end, letters as numbers, mod 97 is 1. */
    static boolean validIban(String iban) {
        if (!iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    @Override
    public String toString() {
        return "BankAccount[" + masked() + "]";
    }
}
