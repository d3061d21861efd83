package app.flowmarket.catalog;

import java.util.UUID;

import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.store.StoreManagement;
import app.flowmarket.store.StoreManagement.StoreView;
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

    StoreView storeOf(CurrentUser seller) {
        return stores.requireStoreOf(seller.id());
    }

    /** The seller's own workflow, or 404: someone else's listing is not found, never "forbidden". */
    Workflow owned(CurrentUser seller, UUID workflowId) {
        StoreView store = storeOf(seller);
        return workflows.findById(workflowId)
                .filter(w -> w.getStoreId().equals(store.id()))
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    boolean isOwner(CurrentUser viewer, Workflow workflow) {
        return viewer != null && stores.owns(viewer.id(), workflow.getStoreId());
    }
}
