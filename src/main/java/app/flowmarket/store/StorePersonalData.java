package app.flowmarket.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.flowmarket.shared.PersonalData;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's store profile. On deletion the store closes (its workflows are unlisted by the catalogue) and loses
 * its description, links and picture; its name stays on the workflows buyers own, as on their invoices.
 */
@Component
class StorePersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;

    StorePersonalData(JdbcClient jdbc, BlobStore blobs, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.events = events;
    }

    @Override
    public String part() {
        return "store";
    }

    @Override
    public void export(Subject subject, Sink sink) throws java.io.IOException {
        List<Map<String, @Nullable Object>> store = jdbc.sql("""
                select name, slug, bio, website_url, twitter_handle, github_handle, created_at, updated_at from store where owner_id = ?""")
                .param(subject.account().value()).query().listOfRows();
        sink.table("store", "Your store's profile (sellers).", store);
        String avatar = jdbc.sql("select avatar_key from store where owner_id = ? and avatar_key is not null")
                .param(subject.account().value()).query(String.class).optional().orElse(null);
        if (avatar != null) {
            var picture = blobs.open(avatar);
            if (picture.isPresent()) {
                sink.file("picture", "Your store's picture, as you uploaded it.", picture.get());
            }
        }
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("select id, avatar_key from store where owner_id = ?").param(subject.account().value()).query().listOfRows()
                .forEach(row -> {
                    jdbc.sql("""
                            update store set bio = '', website_url = null, twitter_handle = null, github_handle = null, avatar_key = null,
                                updated_at = now(), version = version + 1 where id = ?""").param(row.get("id")).update();
                    if (row.get("avatar_key") instanceof String key) {
                        app.flowmarket.shared.AfterCommit.run(() -> blobs.delete(key));
                    }
                    events.publishEvent(new StoreUpdated((UUID) Objects.requireNonNull(row.get("id"))));
                });
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.store");
    }
}
