package app.flowmarket.social;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.licensing.Licensing.LibraryItem;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement.StoreView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public buyer profiles at {@code /u/{handle}}. Private by default: nothing shows until its owner makes the
 * profile public, and then purchases only when they switch purchases on, and only the ones they picked (still
 * owned); the stores they follow only when they switch that on too.
 */
@Service
public class Profiles {

    static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9_-]{2,29}");
    static final Set<String> RESERVED = Set.of("admin", "seller", "settings", "support", "flowmarket", "api", "help", "new", "me");
    static final int MAX_BIO = 500;

    private final JdbcClient jdbc;
    private final AccountManagement accounts;
    private final Licensing licensing;
    private final Reviews reviews;
    private final Follows follows;

    Profiles(JdbcClient jdbc, AccountManagement accounts, Licensing licensing, Reviews reviews, Follows follows) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.licensing = licensing;
        this.reviews = reviews;
        this.follows = follows;
    }

    /** What the owner set; before they save anything, a private profile with a handle made from their name. */
    public record ProfileSettings(String handle, String bio, boolean visible, boolean showPurchases, boolean showFollowing,
                                  Set<UUID> shownPurchases) {
    }

    /** A public profile's header. */
    public record PublicProfile(UUID accountId, String handle, String displayName, String bio, Instant memberSince,
                                boolean showPurchases, boolean showFollowing) {

        public String initials() {
            String[] words = displayName.strip().split("\\s+");
            String first = words[0].isEmpty() ? "?" : words[0].substring(0, 1);
            return (words.length > 1 ? first + words[words.length - 1].charAt(0) : first).toUpperCase(Locale.ROOT);
        }
    }

    /** A purchase shown on a profile. */
    public record ShownPurchase(String slug, String title, Instant acquiredAt) {
    }

    /** Everything a public profile shows. */
    public record ProfilePage(PublicProfile profile, List<Reviews.AuthoredReview> reviews, List<ShownPurchase> purchases,
                              List<StoreView> following) {
    }

    /** The owner's profile settings; before they save one, a handle is suggested from their {@code displayName}. */
    @Transactional(readOnly = true)
    public ProfileSettings settings(AccountId owner, String displayName) {
        record Row(String handle, String bio, boolean visible, boolean showPurchases, boolean showFollowing) {
        }
        Set<UUID> shown = Set.copyOf(jdbc.sql("select workflow_id from public_purchase where account_id = ?").param(owner.value())
                .query(UUID.class).list());
        return jdbc.sql("select handle, bio, visible, show_purchases, show_following from public_profile where account_id = ?")
                .param(owner.value()).query(Row.class).optional()
                .map(r -> new ProfileSettings(r.handle(), r.bio(), r.visible(), r.showPurchases(), r.showFollowing(), shown))
                .orElseGet(() -> new ProfileSettings(suggestHandle(displayName, owner.value()), "", false, false, false, shown));
    }

    /** The purchases the owner may pick from: what their library holds, less the seats others' licences give them. */
    @Transactional(readOnly = true)
    public List<LibraryItem> purchases(AccountId owner) {
        return licensing.library(owner).stream().filter(item -> item.seat() == null).toList();
    }

    /** Saves the owner's profile; picked purchases they do not own are left out. */
    @Transactional
    public void save(AccountId owner, String rawHandle, String rawBio, boolean visible, boolean showPurchases, boolean showFollowing,
                     Collection<UUID> shownPurchases) {
        String handle = rawHandle == null ? "" : rawHandle.strip().toLowerCase(Locale.ROOT);
        if (!HANDLE.matcher(handle).matches() || RESERVED.contains(handle)) {
            throw new DomainException("profile.handle.invalid");
        }
        String bio = rawBio == null ? "" : rawBio.strip();
        if (bio.length() > MAX_BIO) {
            throw new DomainException("profile.bio.too-long", MAX_BIO);
        }
        boolean taken = jdbc.sql("select exists (select 1 from public_profile where lower(handle) = ? and account_id <> ?)")
                .params(handle, owner.value()).query(Boolean.class).single();
        if (taken) {
            throw new DomainException("profile.handle.taken", handle);
        }
        jdbc.sql("""
                insert into public_profile (account_id, handle, bio, visible, show_purchases, show_following, updated_at)
                values (?, ?, ?, ?, ?, ?, now())
                on conflict (account_id) do update set handle = excluded.handle, bio = excluded.bio, visible = excluded.visible,
                    show_purchases = excluded.show_purchases, show_following = excluded.show_following, updated_at = now()""")
                .params(owner.value(), handle, bio, visible, showPurchases, showFollowing).update();
        jdbc.sql("delete from public_purchase where account_id = ?").param(owner.value()).update();
        for (UUID workflowId : Set.copyOf(shownPurchases)) {
            if (licensing.owns(owner, WorkflowId.of(workflowId))) {
                jdbc.sql("insert into public_purchase (account_id, workflow_id) values (?, ?)").params(owner.value(), workflowId).update();
            }
        }
    }

    /** The header of a profile its owner made public; empty for a private, unknown or deleted one. */
    @Transactional(readOnly = true)
    public Optional<PublicProfile> visible(String handle) {
        record Row(UUID accountId, String handle, String bio, boolean showPurchases, boolean showFollowing) {
        }
        return jdbc.sql("""
                select account_id, handle, bio, show_purchases, show_following from public_profile where lower(handle) = ? and visible""")
                .param(handle.toLowerCase(Locale.ROOT)).query(Row.class).optional()
                .flatMap(r -> accounts.publicProfile(r.accountId()).map(a -> new PublicProfile(r.accountId(), r.handle(), a.displayName(),
                        r.bio(), a.memberSince(), r.showPurchases(), r.showFollowing())));
    }

    @Transactional(readOnly = true)
    public Optional<ProfilePage> page(String handle) {
        return visible(handle).map(profile -> {
            List<ShownPurchase> purchases = List.of();
            if (profile.showPurchases()) {
                Set<UUID> picked = Set.copyOf(jdbc.sql("select workflow_id from public_purchase where account_id = ?")
                        .param(profile.accountId()).query(UUID.class).list());
                purchases = purchases(AccountId.of(profile.accountId())).stream().filter(item -> picked.contains(item.workflowId()))
                        .map(item -> new ShownPurchase(item.slug(), item.title(), item.acquiredAt())).toList();
            }
            List<StoreView> following = profile.showFollowing() ? follows.following(profile.accountId()) : List.of();
            return new ProfilePage(profile, reviews.byAuthor(profile.accountId(), 50), purchases, following);
        });
    }

    /** Makes a profile public in one go (the demo's): the handle, the bio and the purchases to show. */
    @Transactional
    public void publish(AccountId owner, String handle, String bio, boolean showFollowing, Collection<UUID> shownPurchases) {
        save(owner, handle, bio, true, !shownPurchases.isEmpty(), showFollowing, shownPurchases);
    }

    static String suggestHandle(String displayName, UUID accountId) {
        String ascii = Normalizer.normalize(displayName, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String base = ascii.length() < 3 ? "member" : ascii.substring(0, Math.min(20, ascii.length()));
        return base + "-" + accountId.toString().substring(0, 4);
    }
}
