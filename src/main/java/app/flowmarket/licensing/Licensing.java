package app.flowmarket.licensing;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.catalog.CatalogManagement.VersionView;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import app.flowmarket.security.RateLimits;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.ForbiddenException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.LicenceTier;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WebInput;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licensing module's public API: who owns what, the library and downloads, licence keys and their seats. Entitlements
 * come from {@link Entitlements}. A seat gives the holder of an address the licence's workflows for as long as the seat and the
 * licence last; the address is matched to a verified account when access is checked (decision 45).
 */
@Service
public class Licensing {

    /** Each assignment mails someone the buyer chose: enough for a team's changes, too few to send mail for a spammer. */
    static final int SEAT_ASSIGNMENTS_PER_HOUR = 30;
    private static final RateLimits.Limit SEAT_ASSIGNMENTS = new RateLimits.Limit("licence-seats", SEAT_ASSIGNMENTS_PER_HOUR,
            java.time.Duration.ofHours(1));

    /** The workflows a seat holder's address reaches: seats of licences still valid, whose order lines still grant them. */
    private static final String SEAT_ACCESS = """
            from licence_seat s join licence l on l.id = s.licence_id and l.revoked_at is null
            join entitlement e on e.order_line_id = l.order_line_id and e.revoked_at is null
            where s.email = ?""";

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final BlobStore blobs;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final RateLimits limits;
    private final ApplicationEventPublisher events;

    Licensing(JdbcClient jdbc, CatalogManagement catalog, BlobStore blobs, AccountManagement accounts, Mailer mailer, RateLimits limits,
              ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.blobs = blobs;
        this.accounts = accounts;
        this.mailer = mailer;
        this.limits = limits;
    }

    /** Whether the person may have the workflow: bought it, or holds a seat on a licence covering it. */
    @Transactional(readOnly = true)
    public boolean owns(@Nullable AccountId buyerId, WorkflowId workflowId) {
        if (buyerId == null) {
            return false;
        }
        boolean bought = jdbc.sql("select exists (select 1 from entitlement where buyer_id = ? and workflow_id = ? and revoked_at is null)")
                .params(buyerId.value(), workflowId.value()).query(Boolean.class).single();
        return bought || verifiedEmail(buyerId).map(email -> jdbc.sql("select exists (select 1 " + SEAT_ACCESS + " and e.workflow_id = ?)")
                .params(email, workflowId.value()).query(Boolean.class).single()).orElse(false);
    }

    /** A seat's address reaches an account only once its owner proved it is theirs. */
    private Optional<String> verifiedEmail(AccountId accountId) {
        return accounts.person(accountId).filter(Person::emailVerified).map(p -> lower(p.email()));
    }

    /** Whose licence a library item comes with when it is a seat rather than a purchase. */
    public record SeatOf(String buyerName, LicenceTier tier) {
    }

    /** A workflow in a library; {@code seat} is null for one the person bought (or got free). */
    public record LibraryItem(UUID workflowId, String slug, String title, Instant acquiredAt, List<VersionView> versions, @Nullable SeatOf seat) {

        public LibraryItem(UUID workflowId, String slug, String title, Instant acquiredAt, List<VersionView> versions) {
            this(workflowId, slug, title, acquiredAt, versions, null);
        }
    }

    /** What the person bought, and the workflows of the licences they hold a seat on, newest first; each workflow once. */
    @Transactional(readOnly = true)
    public List<LibraryItem> library(AccountId buyerId) {
        record Owned(UUID workflowId, Instant acquiredAt) {
        }
        List<Owned> owned = jdbc.sql("""
                select workflow_id, min(granted_at) as acquired_at from entitlement
                where buyer_id = ? and revoked_at is null group by workflow_id order by min(granted_at) desc""")
                .param(buyerId.value()).query(Owned.class).list();
        record Seated(UUID workflowId, Instant assignedAt, UUID buyerId, String tier) {
        }
        List<Seated> seated = verifiedEmail(buyerId).map(email -> jdbc.sql("select e.workflow_id, s.assigned_at, l.buyer_id, l.tier "
                + SEAT_ACCESS + " order by s.assigned_at").param(email).query(Seated.class).list()).orElse(List.of());
        // every workflow listed, and its versions, read at once rather than one by one
        Map<UUID, CatalogManagement.Delivered> delivered = catalog.delivered(Stream.concat(
                owned.stream().map(Owned::workflowId), seated.stream().map(Seated::workflowId)).collect(Collectors.toSet()));
        List<LibraryItem> items = new java.util.ArrayList<>(owned.stream().flatMap(o -> Optional.ofNullable(delivered.get(o.workflowId())).stream()
                        .map(d -> new LibraryItem(d.workflow().id(), d.workflow().slug(), d.workflow().title(), o.acquiredAt(), d.versions())))
                .toList());
        if (!seated.isEmpty()) {
            java.util.Set<UUID> listed = new java.util.HashSet<>(owned.stream().map(Owned::workflowId).toList());
            Map<AccountId, String> names = accounts.displayNames(seated.stream().map(s -> AccountId.of(s.buyerId())).distinct().toList());
            for (Seated seat : seated) {
                if (listed.add(seat.workflowId())) {
                    SeatOf of = new SeatOf(names.getOrDefault(AccountId.of(seat.buyerId()), ""), LicenceTier.valueOf(seat.tier()));
                    Optional.ofNullable(delivered.get(seat.workflowId())).ifPresent(d -> items.add(new LibraryItem(d.workflow().id(),
                            d.workflow().slug(), d.workflow().title(), seat.assignedAt(), d.versions(), of)));
                }
            }
            items.sort(java.util.Comparator.comparing(LibraryItem::acquiredAt).reversed());
        }
        return List.copyOf(items);
    }

    public record Download(String fileName, InputStream content) {
    }

    /**
     * Opens a workflow file for its owner and counts the download. Anyone else, and any unknown
     * version, gets "not found", so nothing tells which files exist.
     */
    @Transactional
    public Download download(AccountId buyerId, UUID versionId) {
        // a version a moderation hold keeps back is not found either, until a moderator approves it
        CatalogManagement.VersionFile file = catalog.deliverableFile(versionId).orElseThrow(() -> new NotFoundException("version"));
        if (!owns(buyerId, WorkflowId.of(file.workflowId()))) {
            throw new ForbiddenException("not owned");
        }
        InputStream content = blobs.open(file.fileKey()).orElseThrow(() -> new NotFoundException("file"));
        jdbc.sql("insert into download (buyer_id, workflow_id, workflow_version_id, downloaded_at) values (?, ?, ?, ?)")
                .params(buyerId.value(), file.workflowId(), versionId, Timestamp.from(Instant.now())).update();
        return new Download(file.fileName(), content);
    }

    /** Who owns what among these workflows and people, in one query: the pairs that hold an entitlement. */
    public record Ownership(UUID workflowId, UUID buyerId) {
    }

    @Transactional(readOnly = true)
    public java.util.Set<Ownership> ownerships(java.util.Collection<UUID> workflowIds, java.util.Collection<UUID> buyerIds) {
        if (workflowIds.isEmpty() || buyerIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("""
                select distinct workflow_id, buyer_id from entitlement
                where workflow_id in (:workflows) and buyer_id in (:buyers) and revoked_at is null""")
                .param("workflows", workflowIds).param("buyers", buyerIds)
                .query(Ownership.class).list());
    }

    /** Everyone who currently has the workflow: its buyers and the (verified) holders of seats on their licences. */
    @Transactional(readOnly = true)
    public List<AccountId> ownerIds(WorkflowId workflowId) {
        java.util.LinkedHashSet<AccountId> owners = new java.util.LinkedHashSet<>(jdbc.sql("""
                select distinct buyer_id from entitlement where workflow_id = ? and revoked_at is null""").param(workflowId.value())
                .query(UUID.class).list().stream().map(AccountId::of).toList());
        List<String> seats = jdbc.sql("""
                select distinct s.email from licence_seat s join licence l on l.id = s.licence_id and l.revoked_at is null
                join entitlement e on e.order_line_id = l.order_line_id and e.revoked_at is null where e.workflow_id = ?""")
                .param(workflowId.value()).query(String.class).list();
        owners.addAll(accounts.verifiedAccounts(seats).values());
        return List.copyOf(owners);
    }

    /** A licence as its buyer sees it in the library: the key, what it covers, and whether a refund took it back. */
    public record LicenceSummary(String key, String title, LicenceTier tier, Instant purchasedAt, @Nullable Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** One licence's page: the summary, the workflows it covers (those still on sale or owned) and its seats. */
    public record LicenceDetails(LicenceSummary licence, List<LibraryItem> workflows, Seats seats) {
    }

    /**
     * A licence's seats: {@code used} counts the buyer's own; {@code total} is null for unlimited. {@code holders} are the
     * addresses the buyer gave the others to, oldest first, and whether each has a (verified) account yet.
     */
    public record Seats(int used, @Nullable Integer total, List<SeatHolder> holders) {

        public boolean full() {
            return total != null && used >= total;
        }
    }

    public record SeatHolder(UUID id, String email, Instant assignedAt, boolean hasAccount) {
    }

    private record LicenceRow(UUID id, UUID orderLineId, String licenceKey, String title, String tier, Instant purchasedAt,
                              @Nullable Instant revokedAt) {

        LicenceSummary summary() {
            return new LicenceSummary(licenceKey, title, licenceTier(), purchasedAt, revokedAt);
        }

        LicenceTier licenceTier() {
            return LicenceTier.valueOf(tier);
        }
    }

    private static final String LICENCE_COLUMNS = "id, order_line_id, licence_key, title, tier, purchased_at, revoked_at";

    /** The buyer's licence keys, newest first, refunded ones included (marked). */
    @Transactional(readOnly = true)
    public List<LicenceSummary> licences(AccountId buyerId) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where buyer_id = ? order by purchased_at desc")
                .param(buyerId.value()).query(LicenceRow.class).list().stream().map(LicenceRow::summary).toList();
    }

    /** A licence for its buyer only: anyone else, and any unknown key, finds nothing. */
    @Transactional(readOnly = true)
    public Optional<LicenceDetails> licence(AccountId buyerId, String key) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where buyer_id = ? and licence_key = ?")
                .params(buyerId.value(), normalise(key)).query(LicenceRow.class).optional()
                .map(row -> {
                    List<WorkflowId> covered = coveredWorkflows(row.orderLineId());
                    Map<UUID, CatalogManagement.Delivered> delivered = catalog.delivered(covered.stream().map(WorkflowId::value).toList());
                    return new LicenceDetails(row.summary(), covered.stream().flatMap(id -> Optional.ofNullable(delivered.get(id.value())).stream())
                            .map(d -> new LibraryItem(d.workflow().id(), d.workflow().slug(), d.workflow().title(), row.purchasedAt(), d.versions()))
                            .toList(), seats(row));
                });
    }

    private Seats seats(LicenceRow row) {
        record Row(UUID id, String email, Instant assignedAt) {
        }
        List<Row> rows = jdbc.sql("select id, email, assigned_at from licence_seat where licence_id = ? order by assigned_at, email")
                .param(row.id()).query(Row.class).list();
        Map<String, AccountId> known = accounts.verifiedAccounts(rows.stream().map(Row::email).toList());
        return new Seats(1 + rows.size(), row.licenceTier().seats(),
                rows.stream().map(r -> new SeatHolder(r.id(), r.email(), r.assignedAt(), known.containsKey(r.email()))).toList());
    }

    /** The buyer's licence, locked so that two assignments at once cannot both take its last seat. */
    private LicenceRow ownLicence(AccountId buyerId, String key, boolean lock) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where buyer_id = ? and licence_key = ?" + (lock ? " for update" : ""))
                .params(buyerId.value(), normalise(key)).query(LicenceRow.class).optional()
                .orElseThrow(() -> new NotFoundException("licence"));
    }

    /**
     * Gives a seat of the buyer's licence to an address and mails its holder: a well-formed address not yet on the licence
     * (the buyer's own holds the first seat), while seats are left. Anyone but the buyer, and any unknown key, finds nothing.
     * Returns the address as kept (lower case).
     */
    @Transactional
    public String assignSeat(AccountId buyerId, String key, @Nullable String rawEmail) {
        LicenceRow row = ownLicence(buyerId, key, true);
        if (row.revokedAt() != null) {
            throw new DomainException("licence.seat.revoked");
        }
        String typed = rawEmail == null ? "" : rawEmail.strip();
        if (typed.length() > 254 || !WebInput.isEmail(typed)) {
            throw new DomainException("licence.seat.email-invalid");
        }
        String email = lower(typed);
        Person buyer = accounts.person(buyerId).orElseThrow(() -> new NotFoundException("licence"));
        if (lower(buyer.email()).equals(email)) {
            throw new DomainException("licence.seat.own");
        }
        Seats seats = seats(row);
        if (seats.holders().stream().anyMatch(h -> h.email().equals(email))) {
            throw new DomainException("licence.seat.taken", email);
        }
        if (Integer.valueOf(1).equals(seats.total())) {
            throw new DomainException("licence.seats.single");
        }
        if (seats.full()) {
            throw new DomainException("licence.seat.full", java.util.Objects.requireNonNull(seats.total()));
        }
        if (!limits.take(SEAT_ASSIGNMENTS, buyerId.value().toString()).allowed()) {
            throw new DomainException("licence.seat.too-many", SEAT_ASSIGNMENTS_PER_HOUR);
        }
        UUID seatId = UUID.randomUUID();
        jdbc.sql("insert into licence_seat (id, licence_id, email, assigned_at) values (?, ?, ?, ?)")
                .params(seatId, row.id(), email, Timestamp.from(Instant.now())).update();
        mailSeat(buyer, row, email);
        events.publishEvent(new LicenceSeatGiven(seatId, email, buyerId, row.title()));
        return email;
    }

    /** In the holder's language when they have an account, otherwise in the buyer's (who likely shares it with their team). */
    private void mailSeat(Person buyer, LicenceRow row, String email) {
        Optional<Person> holder = Optional.ofNullable(accounts.verifiedAccounts(List.of(email)).get(email)).flatMap(accounts::person);
        Recipient recipient = holder.map(Person::recipient).orElseGet(() -> new Recipient(email, null, LocaleContextHolder.getLocale()));
        var tier = new DefaultMessageSourceResolvable("licence.tier." + row.licenceTier().slug());
        Mail mail = Mail.to(recipient).subject("mail.licence-seat.subject", buyer.displayName(), row.title())
                .paragraph("mail.licence-seat.body", buyer.displayName(), tier, row.title());
        if (holder.isPresent()) {
            mail.paragraph("mail.licence-seat.library").action("mail.licence-seat.open-library", "/library");
        } else {
            mail.paragraph("mail.licence-seat.sign-up", email).action("mail.licence-seat.create-account", "/signup");
        }
        mailer.send(mail);
    }

    /** One seat holder of the buyer's licence, to confirm its removal; empty for anyone else's or an unknown one. */
    @Transactional(readOnly = true)
    public Optional<SeatHolder> seat(AccountId buyerId, String key, UUID seatId) {
        return licence(buyerId, key).flatMap(details -> details.seats().holders().stream().filter(h -> h.id().equals(seatId)).findFirst());
    }

    /** Takes a seat back: its holder loses the licence's workflows at once and the seat is free again. Returns the address. */
    @Transactional
    public String removeSeat(AccountId buyerId, String key, UUID seatId) {
        LicenceRow row = ownLicence(buyerId, key, true);
        String email = jdbc.sql("delete from licence_seat where id = ? and licence_id = ? returning email").params(seatId, row.id())
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("seat"));
        events.publishEvent(new LicenceSeatTakenBack(seatId, email, buyerId, row.title(), false));
        return email;
    }

    /** A seat brought in as it was (the demo marketplace's): no mail, no limit. */
    public record ImportedSeat(String email, Instant assignedAt) {
    }

    /**
     * Brings in a licence's tier and seats as they were (the demo marketplace's); a tier otherwise comes with the order. The
     * rules of {@link #assignSeat} hold: well-formed addresses, not the buyer's own, no more than the tier's seats.
     */
    @Transactional
    public void importSeats(AccountId buyerId, String key, LicenceTier tier, List<ImportedSeat> seats) {
        LicenceRow row = ownLicence(buyerId, key, true);
        String own = accounts.person(buyerId).map(p -> lower(p.email())).orElse("");
        if ((tier.seats() != null && 1 + seats.size() > tier.seats())
                || seats.stream().anyMatch(s -> !WebInput.isEmail(s.email()) || lower(s.email()).equals(own))) {
            throw new IllegalArgumentException("not seats of a " + tier + " licence: " + seats);
        }
        jdbc.sql("update licence set tier = ? where id = ?").params(tier.name(), row.id()).update();
        for (ImportedSeat seat : seats) {
            jdbc.sql("insert into licence_seat (id, licence_id, email, assigned_at) values (?, ?, ?, ?) on conflict do nothing")
                    .params(UUID.randomUUID(), row.id(), lower(seat.email()), Timestamp.from(seat.assignedAt())).update();
        }
    }

    private static String lower(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * What a seller's own tools learn from a key their store sold: valid or revoked, what it covers, the tier and
     * its seats, when it was bought. Never who bought it. A key of another store is not found, as an unknown one.
     */
    public record LicenceCheck(String key, boolean valid, List<WorkflowId> workflowIds, LicenceTier tier, @Nullable Integer seatsTotal,
                               int seatsUsed, Instant purchasedAt, @Nullable Instant revokedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<LicenceCheck> verify(StoreId storeId, String key) {
        return jdbc.sql("select " + LICENCE_COLUMNS + " from licence where store_id = ? and licence_key = ?")
                .params(storeId.value(), normalise(key)).query(LicenceRow.class).optional()
                .map(row -> {
                    LicenceTier tier = row.licenceTier();
                    int used = 1 + jdbc.sql("select count(*) from licence_seat where licence_id = ?").param(row.id()).query(Integer.class).single();
                    return new LicenceCheck(row.licenceKey(), row.revokedAt() == null, coveredWorkflows(row.orderLineId()), tier, tier.seats(),
                            used, row.purchasedAt(), row.revokedAt());
                });
    }

    private List<WorkflowId> coveredWorkflows(UUID orderLineId) {
        return jdbc.sql("select workflow_id from entitlement where order_line_id = ? order by workflow_id").param(orderLineId)
                .query(UUID.class).list().stream().map(WorkflowId::of).toList();
    }

    /** Keys are compared as typed by people: spaces around and lower case forgiven. */
    private static String normalise(String key) {
        return key.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
