package app.flowmarket.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkflowVersions extends JpaRepository<WorkflowVersion, UUID> {

    List<WorkflowVersion> findByWorkflowIdOrderByNumberDesc(UUID workflowId);

    /** The versions buyers get, newest first: those no moderation hold keeps back. */
    List<WorkflowVersion> findByWorkflowIdAndHeldFalseOrderByNumberDesc(UUID workflowId);

    boolean existsByWorkflowId(UUID workflowId);

    /** How many versions each of the workflows has: one statement for a whole list (a workflow without any is left out). */
    @Query("select v.workflowId, count(v) from WorkflowVersion v where v.workflowId in ?1 group by v.workflowId")
    List<Object[]> countByWorkflowIds(java.util.Collection<UUID> workflowIds);
}
