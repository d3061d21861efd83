package app.flowmarket.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.Platform;
import app.flowmarket.catalog.WorkflowFileParser;
import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.moderation.SecretScanner;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;
import app.flowmarket.shared.AfterCommit;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preview module's public API: a workflow's graph for anyone who may see its page, the free preview a seller offers
 * (off, derived from the latest version, or uploaded) and its download for signed-in people. Whoever asks, a workflow
 * they may not see is "not found".
 */
@Service
public class Previews {

    public enum Mode { OFF, DERIVED, UPLOADED }

    /** What the workflow page states about the free preview. {@code nodes} counts every node of the preview file. */
    public record Offer(Mode mode, int nodes, int disabledNodes, int credentialsRemoved, int codeRemoved) {

        public boolean isOn() {
            return mode != Mode.OFF;
        }
    }

    /** The graph of the latest version, with that version's id: versions never change, so neither does the graph. */
    public record VersionedGraph(UUID versionId, boolean published, WorkflowGraph graph) {
    }

    public record Download(String fileName, byte[] content) {
    }

    /** What the seller's form shows. */
    public record Settings(Offer offer, boolean derivable, @Nullable String uploadedFileName) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Offer OFF = new Offer(Mode.OFF, 0, 0, 0, 0);

    private final CatalogPages pages;
    private final CatalogManagement catalog;
    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final Map<UUID, WorkflowGraph> graphs = lru();
    private final Map<UUID, DerivedPreview> derived = lru();

    Previews(CatalogPages pages, CatalogManagement catalog, BlobStore blobs, JdbcClient jdbc) {
        this.pages = pages;
        this.catalog = catalog;
        this.blobs = blobs;
        this.jdbc = jdbc;
    }

    private record Row(String mode, @Nullable String fileKey, @Nullable String fileName, int nodes, int disabledNodes) {
    }

    // ---- what visitors and buyers see ------------------------------------------------------------

    /** The graph of a workflow page the viewer may see (published, or their own draft). */
    public Optional<VersionedGraph> graph(String slug, @Nullable AccountId viewer, boolean admin) {
        return pages.readablePage(slug, viewer, admin).flatMap(page -> page.latestVersion().map(version -> new VersionedGraph(version.id(),
                page.isPublished(), graphs.computeIfAbsent(version.id(), id -> WorkflowGraph.of(page.platform(), file(id))))));
    }

    /** The free preview of a workflow page the viewer may see, as the page states it; OFF when there is none. */
    public Offer offer(String slug, @Nullable AccountId viewer) {
        return pages.workflowPage(slug, viewer).map(this::offer).orElse(OFF);
    }

    /** The preview file, for a signed-in person: nobody needs to have bought the workflow. */
    public Download download(String slug, AccountId who) {
        WorkflowPage page = pages.workflowPage(slug, who).orElseThrow(() -> new NotFoundException("workflow"));
        Row row = row(page.id()).orElseThrow(() -> new NotFoundException("preview"));
        String name = page.slug() + "-free-preview.json";
        if (Mode.valueOf(row.mode()) == Mode.UPLOADED && row.fileKey() != null) {
            return new Download(name, read(row.fileKey()));
        }
        VersionView latest = page.latestVersion().orElseThrow(() -> new NotFoundException("preview"));
        return new Download(name, derived(latest.id()).file());
    }

    // ---- what the seller sets --------------------------------------------------------------------

    public Settings settings(AccountId seller, WorkflowId workflowId) {
        WorkflowPage page = pages.forEditing(seller, workflowId);
        return new Settings(offer(page), derivable(page), row(page.id()).map(Row::fileName).orElse(null));
    }

    @Transactional
    public void turnOff(Actor seller, WorkflowId workflowId) {
        WorkflowPage page = pages.forEditing(seller.id(), workflowId);
        Optional<Row> before = row(page.id());
        jdbc.sql("delete from workflow_preview where workflow_id = ?").param(page.id()).update();
        before.map(Row::fileKey).ifPresent(this::deleteAfterCommit);
    }

    /** From now on the preview is derived from whatever version is the latest when it is asked for. */
    @Transactional
    public void deriveAutomatically(Actor seller, WorkflowId workflowId) {
        WorkflowPage page = pages.forEditing(seller.id(), workflowId);
        if (!derivable(page)) {
            throw new DomainException("preview.derive.n8n-only");
        }
        Optional<Row> before = row(page.id());
        save(page.id(), "DERIVED", null, null, 0, 0);
        before.map(Row::fileKey).ifPresent(this::deleteAfterCommit);
    }

    /**
     * A preview file of the seller's own: it must be a valid file of the workflow's platform, without credentials and
     * without anything the secret scanner finds, since anyone signed in may download it.
     */
    @Transactional
    public void upload(Actor seller, WorkflowId workflowId, String fileName, byte[] content) {
        WorkflowPage page = pages.forEditing(seller.id(), workflowId);
        var parsed = WorkflowFileParser.parse(page.platform(), content);
        List<SecretScanner.Finding> findings = SecretScanner.scan(content);
        if (!findings.isEmpty()) {
            throw new DomainException("preview.upload.secrets", String.join("; ", SecretScanner.describe(findings)));
        }
        int disabled = 0;
        JsonNode root = JSON.readTree(content);
        for (JsonNode node : root.path("nodes").values()) {
            if (node.path("credentials").isObject() && !node.path("credentials").isEmpty()) {
                throw new DomainException("preview.upload.credentials", node.path("name").asString("?"));
            }
            disabled += node.path("disabled").asBoolean(false) ? 1 : 0;
        }
        Optional<Row> before = row(page.id());
        String key = blobs.put("workflow-previews", content);
        AfterCommit.onRollback(() -> blobs.delete(key));
        String safeName = fileName.replaceAll("[^0-9A-Za-z._-]", "_");
        save(page.id(), "UPLOADED", key, safeName.isBlank() ? "preview.json" : safeName, parsed.nodeCount(), disabled);
        before.map(Row::fileKey).ifPresent(this::deleteAfterCommit);
    }

    // ---- internals ---------------------------------------------------------------------------------

    private Offer offer(WorkflowPage page) {
        Optional<Row> row = row(page.id());
        if (row.isEmpty()) {
            return OFF;
        }
        if (Mode.valueOf(row.get().mode()) == Mode.UPLOADED) {
            return new Offer(Mode.UPLOADED, row.get().nodes(), row.get().disabledNodes(), 0, 0);
        }
        if (!derivable(page)) {
            return OFF;
        }
        DerivedPreview preview = derived(page.latestVersion().orElseThrow().id());
        return new Offer(Mode.DERIVED, preview.nodes(), preview.disabledNodes(), preview.credentialsRemoved(), preview.codeRemoved());
    }

    private static boolean derivable(WorkflowPage page) {
        return page.platform() == Platform.N8N && page.latestVersion().isPresent();
    }

    private DerivedPreview derived(UUID versionId) {
        return derived.computeIfAbsent(versionId, id -> DerivedPreview.of(file(id)));
    }

    private Optional<Row> row(UUID workflowId) {
        return jdbc.sql("select mode, file_key, file_name, nodes, disabled_nodes from workflow_preview where workflow_id = ?")
                .param(workflowId).query(Row.class).optional();
    }

    private void save(UUID workflowId, String mode, @Nullable String fileKey, @Nullable String fileName, int nodes, int disabled) {
        jdbc.sql("""
                        insert into workflow_preview (workflow_id, mode, file_key, file_name, nodes, disabled_nodes, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (workflow_id) do update set mode = excluded.mode, file_key = excluded.file_key,
                            file_name = excluded.file_name, nodes = excluded.nodes, disabled_nodes = excluded.disabled_nodes,
                            updated_at = excluded.updated_at""")
                .params(java.util.Arrays.asList(workflowId, mode, fileKey, fileName, nodes, disabled, Timestamp.from(Instant.now()))).update();
    }

    /** The replaced file goes once the change is committed: a change rolled back still finds its file. */
    private void deleteAfterCommit(String key) {
        AfterCommit.run(() -> blobs.delete(key));
    }

    private byte[] file(UUID versionId) {
        return read(catalog.versionFile(versionId).orElseThrow(() -> new NotFoundException("version")).fileKey());
    }

    private byte[] read(String key) {
        try (InputStream in = blobs.open(key).orElseThrow(() -> new NotFoundException("file"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <V> Map<UUID, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
                return size() > 200;
            }
        });
    }
}
