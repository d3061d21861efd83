package app.flowmarket.commerce;

import java.time.Instant;
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

    /** The buyer's order in one of these states; with the open states there is at most one (a unique index, V12). */
    Optional<Order> findFirstByBuyerIdAndStatusIn(UUID buyerId, Collection<OrderStatus> statuses);

    /** Like {@link #findFirstByBuyerIdAndStatusIn}, with the row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.buyerId = ?1 and o.status in ?2")
    Optional<Order> findForUpdateByBuyerIdAndStatusIn(UUID buyerId, Collection<OrderStatus> statuses);

    @Query("select o.buyerId from PurchaseOrder o where o.id = ?1")
    Optional<UUID> findBuyerIdOf(UUID orderId);

    /**
     * Claims open orders whose time is up, locked until the transaction ends. Rows another node holds
     * (claimed by its sweep, or being paid right now) are skipped, so nodes never block each other.
     */
    @Query(value = """
            select * from purchase_order where status in ('PENDING', 'FAILED') and expires_at <= ?1
            order by expires_at limit ?2 for update skip locked""", nativeQuery = true)
    List<Order> claimOverdue(Instant now, int limit);

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
