package app.flowmarket.account;

import app.flowmarket.shared.NewEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A single-use, expiring token sent by mail. Only its SHA-256 hash is stored. */
@Entity
@Table(name = "account_token")
class AccountToken extends NewEntity {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    @Id
    private UUID id;
    private UUID accountId;
    @Enumerated(EnumType.STRING)
    private Purpose purpose;
    private String tokenHash;
    private Instant expiresAt;
    private @Nullable Instant usedAt;
    private Instant createdAt;

    protected AccountToken() {
    }

    @Override
    public UUID getId() {
        return id;
    }

    AccountToken(UUID accountId, Purpose purpose, String tokenHash, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
        this.expiresAt = createdAt.plus(lifetime);
    }

    boolean isUsable() {
        return usedAt == null && Instant.now().isBefore(expiresAt);
    }

    void use() {
        usedAt = Instant.now();
    }

    UUID getAccountId() {
        return accountId;
    }

    Purpose getPurpose() {
        return purpose;
    }
}
