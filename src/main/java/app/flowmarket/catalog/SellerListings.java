package app.flowmarket.catalog;

import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement.StoreView;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A seller sees and changes their own store's listings only. */
@Component
class SellerListings {

    private final Workflows workflows;
    private final StoreManagement stores;

    SellerListings(Workflows workflows, StoreManagement stores) {
        this.workflows = workflows;
        this.stores = stores;
    }

    StoreView storeOf(AccountId seller) {
        return stores.requireStoreOf(seller);
    }

    /** The seller's own workflow, or 404: someone else's listing is not found, never "forbidden". */
    Workflow owned(AccountId seller, UUID workflowId) {
        StoreView store = storeOf(seller);
        return workflows.findById(workflowId)
                .filter(w -> w.getStoreId().equals(store.id()))
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    boolean isOwner(@Nullable AccountId viewer, Workflow workflow) {
        return viewer != null && stores.owns(viewer, StoreId.of(workflow.getStoreId()));
    }
}
