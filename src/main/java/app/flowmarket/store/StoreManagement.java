package app.flowmarket.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.audit.AuditLog;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.ContentScreen;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Markdown;
import app.flowmarket.shared.Slugs;
import app.flowmarket.shared.StoreId;
import app.flowmarket.storage.BlobStore;
import app.flowmarket.storage.Images;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store module's public API. */
@Service
public class StoreManagement {

    static final Set<String> RESERVED_SLUGS = Set.of("new", "edit", "admin", "api", "settings", "seller", "flowmarket");
    private static final Pattern HANDLE = Pattern.compile("^[A-Za-z0-9_-]{1,39}$");

    private final Stores stores;
    private final AccountManagement accounts;
    private final AuditLog auditLog;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final ContentScreen screen;

    StoreManagement(Stores stores, AccountManagement accounts, AuditLog auditLog, BlobStore blobs,
                    ApplicationEventPublisher events, ContentScreen screen) {
        this.screen = screen;
        this.stores = stores;
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.blobs = blobs;
        this.events = events;
    }

    public record StoreProfile(String name, String slug, String bio, @Nullable String websiteUrl, @Nullable String twitterHandle,
                               @Nullable String githubHandle) {
    }

    public record StoreView(UUID id, UUID ownerId, String name, String slug, String bio, @Nullable String avatarKey,
                            @Nullable String websiteUrl, @Nullable String twitterHandle, @Nullable String githubHandle, Instant createdAt) implements java.io.Serializable {

        public String bioHtml() {
            return Markdown.toSafeHtml(bio);
        }

        public @Nullable String avatarUrl() {
            return avatarKey == null ? null : "/media/" + avatarKey;
        }

        public String initial() {
            return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase();
        }
    }

    /**
     * Opens a store for a verified account and makes it a seller (the web layer then refreshes the
     * signed-in principal so the new role applies at once).
     */
    @Transactional
    public StoreView open(AccountId ownerId, StoreProfile raw) {
        Person owner = accounts.person(ownerId).orElseThrow();
        if (!owner.emailVerified()) {
            throw new DomainException("store.verify-first");
        }
        if (stores.findByOwnerId(ownerId.value()).isPresent()) {
            throw new DomainException("store.already-open");
        }
        StoreProfile profile = validate(raw);
        if (RESERVED_SLUGS.contains(profile.slug()) || stores.existsBySlug(profile.slug())) {
            throw new DomainException("store.slug.taken");
        }
        Store store = stores.save(new Store(ownerId.value(), profile));
        screen(ownerId, store.getId(), profile);
        auditLog.record(ownerId.value(), owner.email(), "store.created", "store", store.getId(), profile.slug());
        accounts.grantRole(ownerId.value(), CurrentUser.SELLER, ownerId.value());
        events.publishEvent(new StoreOpened(store.getId(), ownerId.value(), profile.slug()));
        return store.toView();
    }

    /** A store moving in with its history (the demo marketplace's): it has been open since {@code openedAt}. */
    @Transactional
    public void importOpening(AccountId ownerId, java.time.Instant openedAt) {
        stores.findByOwnerId(ownerId.value()).orElseThrow(() -> new DomainException("store.none")).importOpening(openedAt);
    }

    @Transactional
    public StoreView update(AccountId ownerId, StoreProfile raw) {
        Store store = stores.findByOwnerId(ownerId.value()).orElseThrow(() -> new DomainException("store.none"));
        StoreProfile profile = validate(new StoreProfile(raw.name(), store.toView().slug(), raw.bio(), raw.websiteUrl(),
                raw.twitterHandle(), raw.githubHandle()));
        screen(ownerId, store.getId(), profile);
        store.update(profile);
        auditLog.record(ownerId.value(), null, "store.updated", "store", store.getId(), null);
        events.publishEvent(new StoreUpdated(store.getId()));
        return store.toView();
    }

    @Transactional
    public void changeAvatar(AccountId ownerId, byte[] image) {
        Store store = stores.findByOwnerId(ownerId.value()).orElseThrow(() -> new DomainException("store.none"));
        if (image.length > Images.MAX_BYTES) {
            throw new DomainException("image.too-large");
        }
        if (Images.contentType(image).isEmpty()) {
            throw new DomainException("image.unsupported");
        }
        String old = store.getAvatarKey();
        store.changeAvatar(blobs.put("avatars", image));
        events.publishEvent(new StoreUpdated(store.getId()));
        if (old != null) {
            blobs.delete(old);
        }
    }

    @Transactional(readOnly = true)
    public Optional<StoreView> findBySlug(String slug) {
        return stores.findBySlug(slug).map(Store::toView);
    }

    /** The stores of these slugs in one query, by slug (unknown slugs are left out). */
    @Transactional(readOnly = true)
    public java.util.Map<String, StoreView> findBySlugs(java.util.Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return java.util.Map.of();
        }
        return stores.findBySlugIn(slugs).stream().map(Store::toView)
                .collect(java.util.stream.Collectors.toMap(StoreView::slug, view -> view));
    }

    @Transactional(readOnly = true)
    public Optional<StoreView> findByOwner(AccountId ownerId) {
        return stores.findByOwnerId(ownerId.value()).map(Store::toView);
    }

    /** The account's store, or a "you have no store" error for the page to show. */
    @Transactional(readOnly = true)
    public StoreView requireStoreOf(AccountId ownerId) {
        return findByOwner(ownerId).orElseThrow(() -> new DomainException("store.none"));
    }

    /** Whether the account owns that store: the one check behind "your own listing", "your own sale". */
    @Transactional(readOnly = true)
    public boolean owns(@Nullable AccountId accountId, @Nullable StoreId storeId) {
        return accountId != null && storeId != null && stores.findByOwnerId(accountId.value()).map(store -> store.getId().equals(storeId.value())).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<StoreView> find(StoreId storeId) {
        return stores.findById(storeId.value()).map(Store::toView);
    }

    public static String suggestSlug(String name) {
        return Slugs.slugify(name, 60);
    }

    /** The store's name and bio go through moderation's rules; a blocking one refuses them with its reason. */
    private void screen(AccountId ownerId, UUID storeId, StoreProfile profile) {
        screen.screen(new ContentScreen.Submission("store", storeId, ownerId, profile.name(), profile.name() + "\n" + profile.bio()));
    }

    private static StoreProfile validate(StoreProfile p) {
        String name = p.name() == null ? "" : p.name().strip();
        if (name.length() < 2 || name.length() > 80) {
            throw new DomainException("store.name.invalid");
        }
        String slug = p.slug() == null || p.slug().isBlank() ? suggestSlug(name) : p.slug().strip().toLowerCase();
        if (!Slugs.isValid(slug, 60)) {
            throw new DomainException("store.slug.invalid");
        }
        String bio = p.bio() == null ? "" : p.bio().strip();
        if (bio.length() > 5000) {
            throw new DomainException("store.bio.too-long");
        }
        return new StoreProfile(name, slug, bio, url(p.websiteUrl()), handle(p.twitterHandle()), handle(p.githubHandle()));
    }

    private static @Nullable String url(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = URI.create(url);
            if (url.length() <= 300 && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new DomainException("store.website.invalid");
    }

    private static @Nullable String handle(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String handle = value.strip().replaceFirst("^@", "");
        if (!HANDLE.matcher(handle).matches()) {
            throw new DomainException("store.handle.invalid");
        }
        return handle;
    }
}
