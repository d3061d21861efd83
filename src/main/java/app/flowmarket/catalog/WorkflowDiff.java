package app.flowmarket.catalog;

import java.io.Serializable;
import java.util.List;

/**
 * What changed between two versions of a workflow, step by step: steps (n8n nodes, Make modules, Zapier steps) added,
 * removed, renamed or changed (type, type version, settings, credentials), and connections added or removed. Settings
 * that hold credentials or look like secrets are masked. Details are written with symbols and arrows, in no language:
 * {@code text: “hi” → “hello”}, {@code + channel = “#ops”}, {@code − retries}.
 */
public record WorkflowDiff(int fromVersion, int toVersion, List<Step> added, List<Step> removed, List<Renamed> renamed,
                           List<Step> changed, List<String> connectionsAdded, List<String> connectionsRemoved) implements Serializable {

    /** A step and, for a changed one, what changed in it. */
    public record Step(String name, String type, List<String> details) implements Serializable {
    }

    public record Renamed(String from, String to, String type) implements Serializable {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && changed.isEmpty() && connectionsAdded.isEmpty()
                && connectionsRemoved.isEmpty();
    }
}
