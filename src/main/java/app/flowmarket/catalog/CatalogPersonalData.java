package app.flowmarket.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.flowmarket.shared.PersonalData;
import app.flowmarket.storage.BlobStore;
import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's workflows, their versions and files. On deletion the store's published workflows are unlisted
 * (archived): nobody new can buy them, and buyers keep downloading what they bought.
 */
@Component
class CatalogPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final Workflows workflows;
    private final StoreManagement stores;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;

    CatalogPersonalData(JdbcClient jdbc, Workflows workflows, StoreManagement stores, BlobStore blobs, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.workflows = workflows;
        this.stores = stores;
        this.blobs = blobs;
        this.events = events;
    }

    @Override
    public String part() {
        return "workflows";
    }

    @Override
    public void export(Subject subject, Sink sink) throws java.io.IOException {
        var store = stores.findByOwner(subject.account());
        if (store.isEmpty()) {
            sink.table("workflows", "The workflows you sell (sellers).", List.of());
            return;
        }
        UUID storeId = store.get().id();
        List<Map<String, @Nullable Object>> listed = jdbc.sql("""
                select slug, title, summary, description_md, platform, price_minor, currency, status, sales_count, rating_avg, rating_count,
                       created_at, published_at, updated_at from workflow where store_id = ? order by created_at""")
                .param(storeId).query().listOfRows();
        sink.table("workflows", "The workflows you sell (sellers): listing, price, status, sales and rating.", listed);
        List<Map<String, @Nullable Object>> versions = jdbc.sql("""
                select w.slug, v.number, v.changelog, v.file_name, v.file_size, v.sha256, v.created_at, v.file_key
                from workflow_version v join workflow w on w.id = v.workflow_id where w.store_id = ? order by w.slug, v.number""")
                .param(storeId).query().listOfRows();
        for (Map<String, @Nullable Object> version : versions) {
            Object key = version.remove("file_key");
            if (key instanceof String fileKey) {
                var file = blobs.open(fileKey);
                if (file.isPresent()) {
                    sink.file("files/" + version.get("slug") + "/v" + version.get("number") + "-" + version.get("file_name"),
                            "A workflow file you uploaded.", file.get());
                }
            }
        }
        sink.table("versions", "Every version you uploaded: number, changelog, file name, size and checksum (files in files/).", versions);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        stores.findByOwner(subject.account()).ifPresent(store -> {
            for (Workflow workflow : workflows.findByStoreIdOrderByUpdatedAtDesc(store.id())) {
                if (workflow.getStatus() != WorkflowStatus.ARCHIVED) {
                    workflow.archive();
                    events.publishEvent(new WorkflowChanged(workflow.getId()));
                }
            }
        });
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.workflows");
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.workflows");
    }
}
