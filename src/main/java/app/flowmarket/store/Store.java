package app.flowmarket.store;

import app.flowmarket.shared.NewEntity;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "store")
class Store extends NewEntity {

    @Id
    private UUID id;
    private UUID ownerId;
    @SuppressWarnings("NullAway.Init") // set by update(), which the constructor calls
    private String name;
    private String slug;
    @SuppressWarnings("NullAway.Init")
    private String bio;
    private @Nullable String avatarKey;
    private @Nullable String websiteUrl;
    private @Nullable String twitterHandle;
    private @Nullable String githubHandle;
    private Instant createdAt;
    @SuppressWarnings("NullAway.Init")
    private Instant updatedAt;
    @Version
    private long version;

    protected Store() {
    }

    Store(UUID ownerId, StoreManagement.StoreProfile profile) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.slug = profile.slug();
        this.createdAt = Instant.now();
        update(profile);
    }

    void update(StoreManagement.StoreProfile profile) {
        this.name = profile.name();
        this.bio = profile.bio();
        this.websiteUrl = profile.websiteUrl();
        this.twitterHandle = profile.twitterHandle();
        this.githubHandle = profile.githubHandle();
        this.updatedAt = Instant.now();
    }

    void importOpening(Instant openedAt) {
        if (openedAt.isAfter(Instant.now())) {
            throw new IllegalArgumentException("a store cannot open in the future: " + openedAt);
        }
        this.createdAt = openedAt;
        this.updatedAt = openedAt;
    }

    void changeAvatar(String key) {
        this.avatarKey = key;
        this.updatedAt = Instant.now();
    }

    StoreManagement.StoreView toView() {
        return new StoreManagement.StoreView(id, ownerId, name, slug, bio, avatarKey, websiteUrl, twitterHandle, githubHandle, createdAt);
    }

    @Override
    public UUID getId() {
        return id;
    }

    UUID getOwnerId() {
        return ownerId;
    }

    @Nullable String getAvatarKey() {
        return avatarKey;
    }
}
