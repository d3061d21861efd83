package app.flowmarket.licensing;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The licensing module's public API: who owns what, the library and downloads. Entitlements come from {@link Entitlements}. */
@Service
public class Licensing {

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final BlobStore blobs;

    Licensing(JdbcClient jdbc, CatalogManagement catalog, BlobStore blobs) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.blobs = blobs;
    }

    @Transactional(readOnly = true)
    public boolean owns(@Nullable AccountId buyerId, WorkflowId workflowId) {
        return buyerId != null && jdbc.sql("select exists (select 1 from entitlement where buyer_id = ? and workflow_id = ? and revoked_at is null)")
                .params(buyerId.value(), workflowId.value()).query(Boolean.class).single();
    }

    public record LibraryItem(UUID workflowId, String slug, String title, Instant acquiredAt, List<VersionView> versions) {
    }

    @Transactional(readOnly = true)
    public List<LibraryItem> library(AccountId buyerId) {
        record Owned(UUID workflowId, Instant acquiredAt) {
        }
        List<Owned> owned = jdbc.sql("""
                select workflow_id, min(granted_at) as acquired_at from entitlement
                where buyer_id = ? and revoked_at is null group by workflow_id order by min(granted_at) desc""")
                .param(buyerId.value()).query(Owned.class).list();
        return owned.stream().flatMap(o -> catalog.purchasable(WorkflowId.of(o.workflowId())).stream()
                        .map(w -> new LibraryItem(w.id(), w.slug(), w.title(), o.acquiredAt(), catalog.versions(WorkflowId.of(w.id())))))
                .toList();
    }

    public record Download(String fileName, InputStream content) {
    }

    /**
     * Opens a workflow file for its owner and counts the download. Anyone else, and any unknown
     * version, gets "not found", so nothing tells which files exist.
     */
    @Transactional
    public Download download(AccountId buyerId, UUID versionId) {
        CatalogManagement.VersionFile file = catalog.versionFile(versionId).orElseThrow(() -> new NotFoundException("version"));
        if (!owns(buyerId, WorkflowId.of(file.workflowId()))) {
            throw new ForbiddenException("not owned");
        }
        InputStream content = blobs.open(file.fileKey()).orElseThrow(() -> new NotFoundException("file"));
        jdbc.sql("insert into download (buyer_id, workflow_id, workflow_version_id, downloaded_at) values (?, ?, ?, ?)")
                .params(buyerId.value(), file.workflowId(), versionId, Timestamp.from(Instant.now())).update();
        return new Download(file.fileName(), content);
    }

    /** Who owns what among these workflows and people, in one query: the pairs that hold an entitlement. */
    public record Ownership(UUID workflowId, UUID buyerId) {
    }

    @Transactional(readOnly = true)
    public java.util.Set<Ownership> ownerships(java.util.Collection<UUID> workflowIds, java.util.Collection<UUID> buyerIds) {
        if (workflowIds.isEmpty() || buyerIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                select distinct workflow_id, buyer_id from entitlement
                where workflow_id in (:workflows) and buyer_id in (:buyers) and revoked_at is null""")
                .param("workflows", workflowIds).param("buyers", buyerIds)
                .query(Ownership.class).list());
    }

    /** Everyone who currently owns the workflow. */
    @Transactional(readOnly = true)
    public List<AccountId> ownerIds(WorkflowId workflowId) {
        return jdbc.sql("select distinct buyer_id from entitlement where workflow_id = ? and revoked_at is null").param(workflowId.value())
                .query(UUID.class).list().stream().map(AccountId::of).toList();
    }

    /** A licence as its buyer sees it in the library: the key, what it covers, and whether a refund took it back. */
    public record LicenceSummary(String key, String title, LicenceTier tier, Instant purchasedAt, @Nullable Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** One licence's page: the summary and the workflows it covers (those still on sale or owned). */
    public record LicenceDetails(LicenceSummary licence, List<LibraryItem> workflows) {
    }

    private record LicenceRow(UUID orderLineId, String licenceKey, String title, String tier, Instant purchasedAt, @Nullable Instant revokedAt) {

        LicenceSummary summary() {
            return new LicenceSummary(licenceKey, title, LicenceTier.valueOf(tier), purchasedAt, revokedAt);
        }
    }

    private static final String LICENCE_COLUMNS = "order_line_id, licence_key, title, tier, purchased_at, revoked_at";

    /** The buyer's licence keys, newest first, refunded ones included (marked). */
    @Transactional(readOnly = true)
    public List<LicenceSummary> licences(AccountId buyerId) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where buyer_id = ? order by purchased_at desc")
                .param(buyerId.value()).query(LicenceRow.class).list().stream().map(LicenceRow::summary).toList();
    }

    /** A licence for its buyer only: anyone else, and any unknown key, finds nothing. */
    @Transactional(readOnly = true)
    public Optional<LicenceDetails> licence(AccountId buyerId, String key) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where buyer_id = ? and licence_key = ?")
                .params(buyerId.value(), normalise(key)).query(LicenceRow.class).optional()
                .map(row -> new LicenceDetails(row.summary(), coveredWorkflows(row.orderLineId()).stream()
                        .flatMap(id -> catalog.purchasable(id).stream())
                        .map(w -> new LibraryItem(w.id(), w.slug(), w.title(), row.purchasedAt(), catalog.versions(WorkflowId.of(w.id()))))
                        .toList()));
    }

    /**
     * What a seller's own tools learn from a key their store sold: valid or revoked, what it covers, the tier and
     * its seats, when it was bought. Never who bought it. A key of another store is not found, as an unknown one.
     */
    public record LicenceCheck(String key, boolean valid, List<WorkflowId> workflowIds, LicenceTier tier, @Nullable Integer seatsTotal,
                               int seatsUsed, Instant purchasedAt, @Nullable Instant revokedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<LicenceCheck> verify(StoreId storeId, String key) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where store_id = ? and licence_key = ?")
                .params(storeId.value(), normalise(key)).query(LicenceRow.class).optional()
                .map(row -> {
                    LicenceTier tier = LicenceTier.valueOf(row.tier());
                    return new LicenceCheck(row.licenceKey(), row.revokedAt() == null, coveredWorkflows(row.orderLineId()), tier, tier.seats(),
                            1, row.purchasedAt(), row.revokedAt());
                });
    }

    private List<WorkflowId> coveredWorkflows(UUID orderLineId) {
        return jdbc.sql("select workflow_id from entitlement where order_line_id = ? order by workflow_id").param(orderLineId)
                .query(UUID.class).list().stream().map(WorkflowId::of).toList();
    }

    /** Keys are compared as typed by people: spaces around and lower case forgiven. */
    private static String normalise(String key) {
        return key.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
