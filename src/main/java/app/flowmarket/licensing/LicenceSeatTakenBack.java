package app.flowmarket.licensing;

import java.util.UUID;

import app.flowmarket.shared.AccountId;

/**
 * A seat's holder lost it: its buyer took it back, or a refunded upgrade lowered the licence below the seats given
 * ({@code byRefund}).
 */
public record LicenceSeatTakenBack(UUID seatId, String email, AccountId buyerId, String title, boolean byRefund) {
}
