package app.flowmarket.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokens extends JpaRepository<AccountToken, UUID> {

    Optional<AccountToken> findByTokenHashAndPurpose(String tokenHash, AccountToken.Purpose purpose);

    @Modifying
    @Query("update AccountToken t set t.usedAt = ?3 where t.accountId = ?1 and t.purpose = ?2 and t.usedAt is null")
    int useAll(UUID accountId, AccountToken.Purpose purpose, Instant now);
}
