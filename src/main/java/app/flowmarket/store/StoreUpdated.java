package app.flowmarket.store;

import java.util.UUID;

/** A store's public profile (name, picture, links) changed. */
public record StoreUpdated(UUID storeId) {
}
