package app.flowmarket.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What we learned from a valid workflow file: its name, its nodes (steps), the outside services
 * it talks to, and warnings about values that look like secrets left in the export.
 */
public record ParsedWorkflow(Platform platform, @Nullable String name, List<Node> nodes, List<String> integrations,
                             List<String> secretWarnings) {

    public record Node(String name, String type) {
    }

    public int nodeCount() {
        return nodes.size();
    }
}
