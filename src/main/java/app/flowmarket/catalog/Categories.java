package app.flowmarket.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Categories extends JpaRepository<Category, UUID> {

    Optional<Category> findBySlug(String slug);

    List<Category> findAllByOrderByPositionAscNameAsc();

    @org.springframework.data.jpa.repository.Query(value = "select id from category where parent_id = ?1", nativeQuery = true)
    List<UUID> childIds(UUID parentId);
}
