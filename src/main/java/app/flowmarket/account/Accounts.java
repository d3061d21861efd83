package app.flowmarket.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Accounts extends JpaRepository<Account, UUID> {

    @Query("select a from Account a where lower(a.email) = lower(?1)")
    Optional<Account> findByEmail(String email);

    @Query("select a from Account a where lower(a.email) in ?1 and a.emailVerifiedAt is not null")
    List<Account> findVerifiedByLowerEmailIn(Collection<String> lowerCaseEmails);

    List<Account> findTop20ByEmailStartingWithIgnoreCaseOrderByEmail(String prefix);

    record DisplayName(UUID id, String displayName) {
    }

    List<DisplayName> findByIdIn(Collection<UUID> ids);
}
