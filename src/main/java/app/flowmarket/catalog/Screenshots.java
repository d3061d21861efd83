package app.flowmarket.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Screenshots extends JpaRepository<Screenshot, UUID> {

    List<Screenshot> findByWorkflowIdOrderByPosition(UUID workflowId);

    long countByWorkflowId(UUID workflowId);
}
