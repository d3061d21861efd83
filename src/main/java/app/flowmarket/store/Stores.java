package app.flowmarket.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Stores extends JpaRepository<Store, UUID> {

    Optional<Store> findBySlug(String slug);

    List<Store> findBySlugIn(java.util.Collection<String> slugs);

    Optional<Store> findByOwnerId(UUID ownerId);

    boolean existsBySlug(String slug);

    List<Store> findAllByOrderByName();
}
