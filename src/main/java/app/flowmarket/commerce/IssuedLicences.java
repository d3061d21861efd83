package app.flowmarket.commerce;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The licence keys given to paid order lines, for the receipt. A port: the module that issues licences answers it,
 * since it listens to orders and so cannot be called by them.
 */
public interface IssuedLicences {

    /** The key of each of these order lines that has one. */
    Map<UUID, String> keysOf(Collection<UUID> orderLineIds);
}
