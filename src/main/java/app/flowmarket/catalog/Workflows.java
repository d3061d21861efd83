package app.flowmarket.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Workflows extends JpaRepository<Workflow, UUID> {

    // atomic in SQL, so concurrent sales never lose a count nor fail on the version check
    @Modifying
    @Query(value = "update workflow set sales_count = greatest(0, sales_count + ?2) where id = ?1", nativeQuery = true)
    int addSales(UUID id, int delta);

    @Modifying
    @Query(value = "update workflow set sales_count = greatest(0, sales_count + ?2) where id in (?1)", nativeQuery = true)
    int addSalesToEach(java.util.Collection<UUID> ids, int delta);

    @Modifying
    @Query(value = "update workflow set rating_avg = ?2, rating_count = ?3 where id = ?1", nativeQuery = true)
    int rate(UUID id, java.math.BigDecimal average, int count);

    Optional<Workflow> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select w.slug from Workflow w where w.slug in ?1")
    List<String> findSlugsAmong(java.util.Collection<String> slugs);

    List<Workflow> findByStoreIdOrderByUpdatedAtDesc(UUID storeId);

    /** Listings of a platform with a file whose minimum n8n release is not kept yet (see {@link N8nMinimumFill}). */
    @Query("select w from Workflow w where w.platform = ?1 and w.n8nMinimum is null"
            + " and exists (select v.id from WorkflowVersion v where v.workflowId = w.id)")
    List<Workflow> withoutN8nMinimum(Platform platform, org.springframework.data.domain.Limit limit);
}
