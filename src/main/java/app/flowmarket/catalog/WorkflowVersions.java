package app.flowmarket.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkflowVersions extends JpaRepository<WorkflowVersion, UUID> {

    List<WorkflowVersion> findByWorkflowIdOrderByNumberDesc(UUID workflowId);

    boolean existsByWorkflowId(UUID workflowId);
}
