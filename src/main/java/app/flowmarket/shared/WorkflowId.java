package app.flowmarket.shared;

import java.util.Objects;
import java.util.UUID;

/** The id of a workflow, so it cannot be mixed up with another kind of id. */
public record WorkflowId(UUID value) {

    public WorkflowId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkflowId of(UUID value) {
        return new WorkflowId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
