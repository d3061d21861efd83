package app.flowmarket.account;

import app.flowmarket.shared.NewEntity;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Theme;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A person's account. Guards its own state: roles, verification, password. */
@Entity
@Table(name = "account")
class Account extends NewEntity {

    @Id
    private UUID id;
    private String email;
    private String passwordHash;
    private String displayName;
    private @Nullable Instant emailVerifiedAt;
    private String locale;
    private String theme;
    private @Nullable String preferredCurrency;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    protected Account() {
    }

    Account(String email, String passwordHash, String displayName) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.locale = "en";
        this.theme = Theme.SYSTEM.value();
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.roles.add(CurrentUser.BUYER);
    }

    void verifyEmail() {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = Instant.now();
            touch();
        }
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        touch();
    }

    void rename(String displayName) {
        this.displayName = displayName;
        touch();
    }

    void changeLocale(String language) {
        this.locale = language;
        touch();
    }

    void changeTheme(Theme theme) {
        this.theme = theme.value();
        touch();
    }

    void changeCurrency(String currency) {
        this.preferredCurrency = currency;
        touch();
    }

    boolean grant(String role) {
        boolean added = roles.add(role);
        if (added) {
            touch();
        }
        return added;
    }

    Person toPerson() {
        return new Person(AccountId.of(id), email, displayName, java.util.Locale.forLanguageTag(locale == null ? "en" : locale),
                emailVerifiedAt != null, Set.copyOf(roles));
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, email, displayName, passwordHash, emailVerifiedAt != null, Set.copyOf(roles), locale,
                preferredCurrency, Theme.parse(theme).orElse(Theme.SYSTEM));
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    @Override
    public UUID getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    Set<String> getRoles() {
        return Set.copyOf(roles);
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
