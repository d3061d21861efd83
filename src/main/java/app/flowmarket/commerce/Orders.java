package app.flowmarket.commerce;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The orders. Saving an order publishes the events it raised. */
interface Orders extends JpaRepository<Order, UUID> {

    /** Loads an order and locks its row until the transaction ends: payment verdicts and refunds of one order queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.id = ?1")
    Optional<Order> findForUpdate(UUID id);

    Optional<Order> findByBuyerIdAndIdempotencyKey(UUID buyerId, String idempotencyKey);

    List<Order> findTop200ByBuyerIdOrderByCreatedAtDesc(UUID buyerId);

    @Query("select l.order.id from OrderLine l where l.id = ?1")
    Optional<UUID> findOrderIdOfLine(UUID lineId);

    /** Which of these workflows the buyer has bought and not had refunded. */
    @Query(value = """
            select distinct cast(w.id as uuid) from purchase_order o
            join order_line l on l.order_id = o.id
            cross join lateral unnest(string_to_array(l.workflow_ids, ',')) as w(id)
            where o.buyer_id = ?1 and o.status = 'PAID' and l.status = 'ACTIVE' and cast(w.id as uuid) in (?2)""", nativeQuery = true)
    List<UUID> findBoughtAmong(UUID buyerId, Collection<UUID> workflowIds);
}
