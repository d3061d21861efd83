package app.flowmarket.social;

import java.util.List;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.store.StoreManagement.StoreView;
import app.flowmarket.store.StoreManagement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The social module's public API for following stores. */
@Service
public class Follows {

    private final JdbcClient jdbc;
    private final StoreManagement stores;
    private final ApplicationEventPublisher events;

    Follows(JdbcClient jdbc, StoreManagement stores, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.events = events;
    }

    /** Follows a store (not one's own); following twice changes nothing and tells the seller once. */
    @Transactional
    public void follow(AccountId user, UUID storeId) {
        StoreView store = stores.find(StoreId.of(storeId)).orElseThrow(() -> new app.flowmarket.shared.NotFoundException("store"));
        if (store.ownerId().equals(user.value())) {
            throw new DomainException("follow.own-store");
        }
        int inserted = jdbc.sql("insert into store_follow (store_id, follower_id, created_at) values (?, ?, now()) on conflict do nothing")
                .params(storeId, user.value()).update();
        if (inserted > 0) {
            events.publishEvent(new StoreFollowed(storeId, user.value()));
        }
    }

    @Transactional
    public void unfollow(AccountId user, UUID storeId) {
        jdbc.sql("delete from store_follow where store_id = ? and follower_id = ?").params(storeId, user.value()).update();
    }

    @Transactional(readOnly = true)
    public boolean isFollowing(UUID userId, UUID storeId) {
        return userId != null && jdbc.sql("select exists (select 1 from store_follow where store_id = ? and follower_id = ?)")
                .params(storeId, userId).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public long followerCount(UUID storeId) {
        return jdbc.sql("select count(*) from store_follow where store_id = ?").param(storeId).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<UUID> followerIds(UUID storeId) {
        return jdbc.sql("select follower_id from store_follow where store_id = ?").param(storeId).query(UUID.class).list();
    }

    @Transactional(readOnly = true)
    public List<StoreView> following(UUID userId) {
        return jdbc.sql("select store_id from store_follow where follower_id = ? order by created_at desc").param(userId)
                .query(UUID.class).list().stream().flatMap(id -> stores.find(StoreId.of(id)).stream()).toList();
    }
}
