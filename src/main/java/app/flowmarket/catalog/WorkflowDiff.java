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

    /**
     * The counts in symbols, in no language, for places written once for readers of every language (the in-app
     * notification): {@code +2 −1 ↻1 ✎1 · ⇢ +1 −1} (steps added, removed, renamed, changed · connections added, removed).
     */
    public String symbols() {
        StringBuilder steps = new StringBuilder();
        append(steps, "+", added.size());
        append(steps, "−", removed.size());
        append(steps, "↻", renamed.size());
        append(steps, "✎", changed.size());
        StringBuilder links = new StringBuilder();
        append(links, "+", connectionsAdded.size());
        append(links, "−", connectionsRemoved.size());
        if (links.isEmpty()) {
            return steps.toString();
        }
        return (steps.isEmpty() ? "" : steps + " · ") + "⇢ " + links;
    }

    /** Every change on one line each, with the same symbols as {@link #symbols()}; secrets are already masked. */
    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>();
        added.forEach(step -> lines.add("+ " + step.name() + " (" + step.type() + ")"));
        removed.forEach(step -> lines.add("− " + step.name() + " (" + step.type() + ")"));
        renamed.forEach(r -> lines.add("↻ " + r.from() + " → " + r.to() + " (" + r.type() + ")"));
        for (Step step : changed) {
            lines.add("✎ " + step.name() + " (" + step.type() + ")" + (step.details().isEmpty() ? "" : ": " + String.join("; ", step.details())));
        }
        connectionsAdded.forEach(c -> lines.add("⇢ + " + c));
        connectionsRemoved.forEach(c -> lines.add("⇢ − " + c));
        return lines;
    }

    private static void append(StringBuilder to, String sign, int count) {
        if (count > 0) {
            to.append(to.isEmpty() ? "" : " ").append(sign).append(count);
        }
    }
}
