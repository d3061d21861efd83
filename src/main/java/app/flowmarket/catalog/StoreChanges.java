package app.flowmarket.catalog;

import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.store.StoreUpdated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listings carry a copy of their store's name (search finds them by it) and their pages show the
 * store: once a store's change is committed, the new name is copied onto its listings and the
 * catalogue says so ({@link StoreListingsUpdated}), which also evicts the cached pages.
 */
@Component
class StoreChanges {

    private final StoreManagement stores;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StoreChanges(StoreManagement stores, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.stores = stores;
        this.jdbc = jdbc;
        this.events = events;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(StoreUpdated event) {
        List<UUID> renamed = stores.find(StoreId.of(event.storeId()))
                .map(store -> jdbc.sql("update workflow set store_name = :name where store_id = :store and store_name <> :name returning id")
                        .param("name", store.name())
                        .param("store", store.id())
                        .query(UUID.class)
                        .list())
                .orElse(List.of());
        events.publishEvent(new StoreListingsUpdated(event.storeId(), renamed));
    }
}
