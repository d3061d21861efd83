package app.flowmarket.commerce;

import java.util.List;
import java.util.UUID;

/** An order was paid; its buyer now owns the listed workflows, sold by the listed stores. */
public record OrderPaid(UUID orderId, UUID buyerId, List<UUID> workflowIds, List<UUID> storeIds, long totalMinor, String currency) {
}
