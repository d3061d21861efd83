package app.flowmarket.social;

import java.util.UUID;

/** Someone started following a store. */
public record StoreFollowed(UUID storeId, UUID followerId) {
}
