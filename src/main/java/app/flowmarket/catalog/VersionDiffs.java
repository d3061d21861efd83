package app.flowmarket.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import app.flowmarket.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Diffs between versions of a workflow, and what its latest version needs ({@link Compatibility}); versions never change,
 * so both are kept by version.
 */
@Component
class VersionDiffs {

    private final WorkflowVersions versions;
    private final BlobStore blobs;
    private final Map<String, WorkflowDiff> kept = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WorkflowDiff> eldest) {
            return size() > 500;
        }
    });

    private final Map<java.util.UUID, Compatibility> needs = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<java.util.UUID, Compatibility> eldest) {
            return size() > 500;
        }
    });

    VersionDiffs(WorkflowVersions versions, BlobStore blobs) {
        this.versions = versions;
        this.blobs = blobs;
    }

    /** Each version against the one before it, newest first. */
    List<WorkflowDiff> history(Workflow workflow) {
        List<WorkflowVersion> all = versions.findByWorkflowIdOrderByNumberDesc(workflow.getId());
        List<WorkflowDiff> diffs = new ArrayList<>();
        for (int i = 0; i + 1 < all.size(); i++) {
            diff(workflow.getPlatform(), all.get(i + 1), all.get(i)).ifPresent(diffs::add);
        }
        return diffs;
    }

    Optional<WorkflowDiff> between(Workflow workflow, int from, int to) {
        List<WorkflowVersion> all = versions.findByWorkflowIdOrderByNumberDesc(workflow.getId());
        Optional<WorkflowVersion> older = all.stream().filter(v -> v.getNumber() == from).findFirst();
        Optional<WorkflowVersion> newer = all.stream().filter(v -> v.getNumber() == to).findFirst();
        if (older.isEmpty() || newer.isEmpty() || from == to) {
            return Optional.empty();
        }
        return diff(workflow.getPlatform(), older.get(), newer.get());
    }

    Optional<Compatibility> compatibility(Workflow workflow) {
        List<WorkflowVersion> all = versions.findByWorkflowIdOrderByNumberDesc(workflow.getId());
        if (all.isEmpty()) {
            return Optional.empty();
        }
        WorkflowVersion latest = all.get(0);
        Compatibility known = needs.get(latest.getId());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Compatibility> read = read(latest.getFileKey()).map(bytes -> Compatibility.of(workflow.getPlatform(), bytes));
        read.ifPresent(c -> needs.put(latest.getId(), c));
        return read;
    }

    private Optional<WorkflowDiff> diff(Platform platform, WorkflowVersion older, WorkflowVersion newer) {
        String key = older.getId() + ">" + newer.getId();
        WorkflowDiff known = kept.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<byte[]> before = read(older.getFileKey());
        Optional<byte[]> after = read(newer.getFileKey());
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        WorkflowDiff diff = WorkflowDiffer.diff(platform, older.getNumber(), before.get(), newer.getNumber(), after.get());
        kept.put(key, diff);
        return Optional.of(diff);
    }

    private Optional<byte[]> read(String key) {
        Optional<InputStream> in = blobs.open(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
