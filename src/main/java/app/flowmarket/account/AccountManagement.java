package app.flowmarket.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.audit.AuditLog;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Recipient;
import app.flowmarket.mail.Mailer;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Theme;
import app.flowmarket.shared.Tokens;
import app.flowmarket.shared.WebInput;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's public API. */
@Service
public class AccountManagement implements UserDetailsService {

    static final Duration VERIFICATION_LIFETIME = Duration.ofDays(3);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final Mailer mailer;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;

    AccountManagement(Accounts accounts, AccountTokens tokens, PasswordEncoder passwordEncoder,
                      PasswordPolicy passwordPolicy, Mailer mailer, AuditLog auditLog, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.mailer = mailer;
        this.auditLog = auditLog;
    }

    public record SignUp(String email, String password, String displayName) {
    }

    /**
     * Creates an account and mails a verification link. When the address already has an account,
     * nothing is created and its owner is told by mail instead, so sign-up never reveals who is registered.
     */
    @Transactional
    public void signUp(SignUp command) {
        String email = normaliseEmail(command.email());
        String displayName = command.displayName() == null ? "" : command.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 80) {
            throw new DomainException("account.display-name.invalid");
        }
        passwordPolicy.check(command.password(), email, displayName).ifPresent(key -> {
            throw new DomainException(key);
        });
        // the password is hashed on both paths: an answer that came faster for a registered address would tell
        String passwordHash = hash(command.password());
        Optional<Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Account account = existing.get();
            mailer.send(Mail.to(recipient(account)).subject("mail.already-registered.subject")
                    .paragraph("mail.already-registered.body").action("mail.already-registered.action", "/forgot-password"));
            auditLog.record(account.getId(), account.getEmail(), "account.sign-up-existing", "account", account.getId(), null);
            return;
        }
        Account account = new Account(email, passwordHash, displayName);
        // the language the person signed up in is the language we write to them in
        account.changeLocale(LocaleContextHolder.getLocale().getLanguage());
        account = accounts.save(account);
        auditLog.record(account.getId(), email, "account.created", "account", account.getId(), null);
        sendVerification(account);
    }

    @Transactional
    public void resendVerification(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.isEmailVerified()) {
            sendVerification(account);
        }
    }

    /** Marks the address verified. Returns false for an unknown, used or expired link. */
    @Transactional
    public boolean verifyEmail(@Nullable String token) {
        return consume(token, AccountToken.Purpose.VERIFY_EMAIL).map(account -> {
            account.verifyEmail();
            tokens.useAll(account.getId(), AccountToken.Purpose.VERIFY_EMAIL, Instant.now());
            auditLog.record(account.getId(), account.getEmail(), "account.email-verified", "account", account.getId(), null);
            return true;
        }).orElse(false);
    }

    /**
     * Mails a reset link when the address has an account, and otherwise a note that it has none (as
     * GOV.UK and Stripe do): the page says the same either way, and the same work is done either way,
     * so neither the answer nor its timing tells who is registered.
     */
    @Transactional
    public void requestPasswordReset(String rawEmail) {
        if (rawEmail == null || !WebInput.isEmail(rawEmail.strip())) {
            return;
        }
        String email = rawEmail.strip();
        accounts.findByEmail(email).ifPresentOrElse(account -> {
            String token = newToken(account, AccountToken.Purpose.RESET_PASSWORD, RESET_LIFETIME);
            mailer.send(Mail.to(recipient(account)).subject("mail.reset.subject")
                    .paragraph("mail.reset.body").paragraph("mail.reset.ignore")
                    .action("mail.reset.action", "/reset-password?token=" + token));
            auditLog.record(account.getId(), account.getEmail(), "account.password-reset-requested", "account", account.getId(), null);
        }, () -> {
            mailer.send(Mail.to(new Recipient(email, null, LocaleContextHolder.getLocale())).subject("mail.reset.unknown.subject")
                    .paragraph("mail.reset.unknown.body").paragraph("mail.reset.ignore").action("mail.reset.unknown.action", "/signup"));
            auditLog.record(null, email, "account.password-reset-unknown-address", "account", null, null);
        });
    }

    /**
     * Mails a one-time sign-in link (the token is issued by Spring Security's one-time-token login) when the
     * address has an account, and otherwise a note that it has none, like {@link #requestPasswordReset}: the
     * page answers the same and the same work is done either way.
     */
    @Transactional
    public void mailSignInLink(String email, String token, Duration lifetime) {
        long minutes = Math.max(1, lifetime.toMinutes());
        accounts.findByEmail(email).ifPresentOrElse(account -> {
            mailer.send(Mail.to(recipient(account)).subject("mail.sign-in-link.subject")
                    .paragraph("mail.sign-in-link.body", minutes).paragraph("mail.sign-in-link.ignore")
                    .action("mail.sign-in-link.action", "/login/link?token=" + token));
            auditLog.record(account.getId(), account.getEmail(), "account.sign-in-link-sent", "account", account.getId(), null);
        }, () -> {
            mailer.send(Mail.to(new Recipient(email, null, LocaleContextHolder.getLocale())).subject("mail.sign-in-link.unknown.subject")
                    .paragraph("mail.sign-in-link.unknown.body").paragraph("mail.sign-in-link.ignore")
                    .action("mail.sign-in-link.unknown.action", "/signup"));
            auditLog.record(null, email, "account.sign-in-link-unknown-address", "account", null, null);
        });
    }

    public boolean isResetTokenUsable(@Nullable String token) {
        return findToken(token, AccountToken.Purpose.RESET_PASSWORD).isPresent();
    }

    /** Sets a new password from a reset link; the link (and every other open one) is used up. */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        AccountToken found = findToken(token, AccountToken.Purpose.RESET_PASSWORD)
                .orElseThrow(() -> new DomainException("password.reset.invalid-link"));
        Account account = accounts.findById(found.getAccountId()).orElseThrow();
        passwordPolicy.check(newPassword, account.getEmail(), account.getDisplayName()).ifPresent(key -> {
            throw new DomainException(key);
        });
        found.use();
        tokens.useAll(account.getId(), AccountToken.Purpose.RESET_PASSWORD, Instant.now());
        account.changePassword(hash(newPassword));
        // whoever could read the link could read the inbox: the address is proven
        account.verifyEmail();
        auditLog.record(account.getId(), account.getEmail(), "account.password-reset", "account", account.getId(), null);
        events.publishEvent(new PasswordChanged(account.getId(), account.getEmail(), true));
    }

    @Transactional
    public void changePassword(UUID accountId, String currentPassword, String newPassword) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            auditLog.record(account.getId(), account.getEmail(), "account.password-change-refused", "account", account.getId(), null);
            throw new DomainException("password.current.wrong");
        }
        passwordPolicy.check(newPassword, account.getEmail(), account.getDisplayName()).ifPresent(key -> {
            throw new DomainException(key);
        });
        account.changePassword(hash(newPassword));
        auditLog.record(account.getId(), account.getEmail(), "account.password-changed", "account", account.getId(), null);
        events.publishEvent(new PasswordChanged(account.getId(), account.getEmail(), false));
    }

    @Transactional
    public CurrentUser updateProfile(UUID accountId, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new DomainException("account.display-name.invalid");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        account.rename(name);
        return account.toCurrentUser();
    }

    /** Gives an account a role (seller on opening a store, admin by an operator), recorded in the audit log. */
    @Transactional
    public CurrentUser grantRole(UUID accountId, String role, UUID grantedBy) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.grant(role)) {
            auditLog.record(grantedBy, null, "account.role-granted", "account", accountId, role);
        }
        return account.toCurrentUser();
    }

    /** Remembers the currency a person chose to see prices in, for their next sign-in on any device. */
    @Transactional
    public void changeCurrency(UUID accountId, String currency) {
        accounts.findById(accountId).ifPresent(account -> account.changeCurrency(currency));
    }

    /** Remembers the language a person chose, for what is sent to them later (mails, notifications). */
    @Transactional
    public void changeLocale(UUID accountId, String language) {
        accounts.findById(accountId).ifPresent(account -> account.changeLocale(language));
    }

    /** Remembers the theme a person chose, for every browser they sign in from. */
    @Transactional
    public void changeTheme(UUID accountId, Theme theme) {
        accounts.findById(accountId).ifPresent(account -> account.changeTheme(theme));
    }

    /** The signed-in person as the security layer keeps them (to refresh a session after a change). */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> find(UUID accountId) {
        return accounts.findById(accountId).map(Account::toCurrentUser);
    }

    /** A person as other modules may know them: name, address, language and roles, no credentials. */
    @Transactional(readOnly = true)
    public Optional<Person> person(AccountId accountId) {
        return accounts.findById(accountId.value()).map(Account::toPerson);
    }

    @Transactional(readOnly = true)
    public Optional<PublicProfile> publicProfile(UUID accountId) {
        return accounts.findById(accountId).map(a -> new PublicProfile(a.getId(), a.getDisplayName(), a.getCreatedAt()));
    }

    public record PublicProfile(UUID id, String displayName, Instant memberSince) {
    }

    /** Display names of several accounts in one query; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<AccountId, String> displayNames(Collection<AccountId> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findByIdIn(accountIds.stream().map(AccountId::value).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(n -> AccountId.of(n.id()), Accounts.DisplayName::displayName));
    }

    /** The verified accounts among these addresses, compared without case, keyed by the address in lower case; the others are left out. */
    @Transactional(readOnly = true)
    public Map<String, AccountId> verifiedAccounts(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        Set<String> lower = emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return accounts.findVerifiedByLowerEmailIn(lower).stream()
                .collect(Collectors.toMap(a -> a.getEmail().toLowerCase(Locale.ROOT), a -> AccountId.of(a.getId()), (a, b) -> a));
    }

    @Override
    @Transactional(readOnly = true)
    public CurrentUser loadUserByUsername(String email) {
        if (email == null || email.length() > 254) {
            throw new UsernameNotFoundException("unknown");
        }
        return accounts.findByEmail(email.strip()).map(Account::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** Creates an already-verified account; used by the demo data and operator tooling. */
    @Transactional
    public UUID createVerified(String email, String password, String displayName, String... roles) {
        Account account = new Account(normaliseEmail(email), hash(password), displayName);
        account.verifyEmail();
        for (String role : roles) {
            account.grant(role);
        }
        return accounts.save(account).getId();
    }

    /** A verified account to create in bulk (demo data, imports). */
    public record NewAccount(String email, String displayName, List<String> roles) {
    }

    /**
     * Creates verified accounts that share one password, hashed once: hashing is deliberately slow, and
     * doing it per account would make a few dozen demo accounts take seconds.
     */
    @Transactional
    public List<UUID> createVerified(List<NewAccount> newAccounts, String password) {
        return createVerified(newAccounts, hashAhead(password));
    }

    /** A password hashed before the accounts that will share it exist; what it hides stays here. */
    public static final class HashedPassword {

        private final String hash;

        private HashedPassword(String hash) {
            this.hash = hash;
        }
    }

    /** Hashes a password now, for {@link #createVerified(List, HashedPassword)} later (off the path that waits for it). */
    public HashedPassword hashAhead(String password) {
        return new HashedPassword(hash(password));
    }

    /** As {@link #createVerified(List, String)}, with the password already hashed. */
    @Transactional
    public List<UUID> createVerified(List<NewAccount> newAccounts, HashedPassword password) {
        String hash = password.hash;
        return newAccounts.stream().map(n -> {
            Account account = new Account(normaliseEmail(n.email()), hash, n.displayName());
            account.verifyEmail();
            n.roles().forEach(account::grant);
            return account;
        }).map(accounts::save).map(Account::getId).toList();
    }

    /** What an admin sees of an account: enough to recognise it and follow its trail, nothing of its secrets. */
    public record AdminView(UUID id, String email, String displayName, java.util.Set<String> roles, Instant createdAt, boolean verified) {
    }

    /** Accounts whose e-mail address starts with what the admin typed, at most twenty. */
    @Transactional(readOnly = true)
    public List<AdminView> adminSearch(String emailPrefix) {
        String prefix = emailPrefix == null ? "" : emailPrefix.strip();
        if (prefix.isEmpty() || prefix.length() > 254) {
            return List.of();
        }
        return accounts.findTop20ByEmailStartingWithIgnoreCaseOrderByEmail(prefix).stream().map(AccountManagement::adminView).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AdminView> adminView(UUID accountId) {
        return accounts.findById(accountId).map(AccountManagement::adminView);
    }

    private static AdminView adminView(Account account) {
        return new AdminView(account.getId(), account.getEmail(), account.getDisplayName(), java.util.Set.copyOf(account.getRoles()),
                account.getCreatedAt(), account.isEmailVerified());
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    private void sendVerification(Account account) {
        String token = newToken(account, AccountToken.Purpose.VERIFY_EMAIL, VERIFICATION_LIFETIME);
        mailer.send(Mail.to(recipient(account)).subject("mail.verify.subject")
                .paragraph("mail.verify.body").action("mail.verify.action", "/verify-email?token=" + token));
    }

    private static Recipient recipient(Account account) {
        return new Recipient(account.getEmail(), account.getDisplayName(), account.toCurrentUser().preferredLocale());
    }

    private String newToken(Account account, AccountToken.Purpose purpose, Duration lifetime) {
        String token = Tokens.random();
        tokens.save(new AccountToken(account.getId(), purpose, Tokens.sha256Hex(token), lifetime));
        return token;
    }

    private Optional<AccountToken> findToken(@Nullable String token, AccountToken.Purpose purpose) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return tokens.findByTokenHashAndPurpose(Tokens.sha256Hex(token), purpose).filter(AccountToken::isUsable);
    }

    private Optional<Account> consume(@Nullable String token, AccountToken.Purpose purpose) {
        return findToken(token, purpose).flatMap(found -> {
            found.use();
            return accounts.findById(found.getAccountId());
        });
    }

    private static String normaliseEmail(String email) {
        String value = email == null ? "" : email.strip();
        if (!WebInput.isEmail(value)) {
            throw new DomainException("account.email.invalid");
        }
        return value;
    }


    /** The encoder answers null only for a null password, and every caller passes one. */
    private String hash(String password) {
        return Objects.requireNonNull(passwordEncoder.encode(password));
    }
}
