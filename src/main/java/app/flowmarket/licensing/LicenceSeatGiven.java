package app.flowmarket.licensing;

import java.util.UUID;

import app.flowmarket.shared.AccountId;

/** The buyer of a team or company licence gave one of its seats to an address (kept in lower case). */
public record LicenceSeatGiven(UUID seatId, String email, AccountId buyerId, String title) {
}
