package app.flowmarket.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Workflows extends JpaRepository<Workflow, UUID> {

    Optional<Workflow> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Workflow> findByStoreIdOrderByUpdatedAtDesc(UUID storeId);
}
