package app.flowmarket.store;

import java.util.UUID;

/** A buyer opened a store and became a seller. */
public record StoreOpened(UUID storeId, UUID ownerId, String slug) {
}
