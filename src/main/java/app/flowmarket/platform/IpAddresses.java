package app.flowmarket.platform;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** IP addresses as people write them. */
final class IpAddresses {

    private IpAddresses() {
    }

    /**
     * An address for display: IPv6 in its short form (RFC 5952: lower case, no leading zeros, the longest run
     * of two or more zero groups as {@code ::}), so the loopback reads {@code ::1}; anything else as given.
     */
    static String display(@Nullable String address) {
        if (address == null) {
            return "";
        }
        String[] groups = address.split(":", -1);
        if (groups.length != 8 || address.contains("::")) {
            return address;
        }
        String[] shortened = new String[8];
        for (int i = 0; i < 8; i++) {
            try {
                int value = Integer.parseInt(groups[i], 16);
                if (value < 0 || value > 0xFFFF || groups[i].isEmpty()) {
                    return address;
                }
                shortened[i] = Integer.toHexString(value).toLowerCase(Locale.ROOT);
            } catch (NumberFormatException e) {
                return address;
            }
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (shortened[i].equals("0")) {
                int end = i;
                while (end < 8 && shortened[end].equals("0")) {
                    end++;
                }
                if (end - i > bestLength) {
                    bestStart = i;
                    bestLength = end - i;
                }
                i = end;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return String.join(":", shortened);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(shortened, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(shortened, bestStart + bestLength, 8));
        return head + "::" + tail;
    }
}
