package app.flowmarket.commerce;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.LicenceTier;

/**
 * The licences given to paid order lines: their keys for the receipt, and a buyer's valid licence for an upgrade.
 * A port: the module that issues licences answers it, since it listens to orders and so cannot be called by them.
 */
public interface IssuedLicences {

    /** The key of each of these order lines that has one. */
    Map<UUID, String> keysOf(Collection<UUID> orderLineIds);

    /** A valid (not revoked) licence of the buyer: the order line it was issued for, what it covers and its tier now. */
    record HeldLicence(String key, UUID orderLineId, List<UUID> workflowIds, LicenceTier tier) {
    }

    Optional<HeldLicence> held(AccountId buyer, String key);

    Optional<HeldLicence> heldFor(AccountId buyer, UUID orderLineId);
}
