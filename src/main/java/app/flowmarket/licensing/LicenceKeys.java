package app.flowmarket.licensing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import app.flowmarket.commerce.IssuedLicences;
import app.flowmarket.commerce.OrderDisputeClosed;
import app.flowmarket.commerce.OrderLineRefunded;
import app.flowmarket.commerce.OrderPaid;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.LicenceTier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives every paid order line its licence key and revokes it when the line is refunded, in the
 * transaction that pays or refunds, like the entitlements the key stands for.
 */
@Component
class LicenceKeys implements IssuedLicences {

    /** No 0/O, 1/I/L: a key read aloud or copied from paper is still the key. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LicenceKeys(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** FM- and four groups of five: about 99 bits of randomness, so guessing a key is hopeless. */
    static String newKey() {
        StringBuilder key = new StringBuilder("FM");
        for (int group = 0; group < 4; group++) {
            key.append('-');
            for (int i = 0; i < 5; i++) {
                key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return key.toString();
    }

    /** Paying twice (a replayed event) keeps the first key. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPaid event) {
        Timestamp paidAt = Timestamp.from(event.paidAt());
        for (OrderPaid.Line line : event.lines()) {
            UUID upgradeOf = line.upgradeOf();
            if (upgradeOf != null) {
                raise(event, line, upgradeOf);
                continue;
            }
            // a key collision is astronomically unlikely; the unique index makes it a retry, never a shared key
            int inserted = 0;
            for (int attempt = 0; attempt < 3 && inserted == 0; attempt++) {
                inserted = jdbc.sql("""
                        insert into licence (id, licence_key, order_line_id, buyer_id, store_id, title, tier, purchased_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(UUID.randomUUID(), newKey(), line.lineId(), event.buyerId().value(), line.storeId().value(), line.title(),
                                line.tier().name(), paidAt)
                        .update();
                if (inserted == 0 && exists(line.lineId())) {
                    break;
                }
            }
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> keysOf(Collection<UUID> orderLineIds) {
        if (orderLineIds.isEmpty()) {
            return Map.of();
        }
        record Key(UUID orderLineId, String licenceKey) {
        }
        return jdbc.sql("select order_line_id, licence_key from licence where order_line_id in (:lines)").param("lines", orderLineIds)
                .query(Key.class).list().stream().collect(Collectors.toMap(Key::orderLineId, Key::licenceKey));
    }

    private record HeldRow(String licenceKey, UUID orderLineId, String tier) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HeldLicence> held(AccountId buyer, String key) {
        return jdbc.sql("select licence_key, order_line_id, tier from licence where buyer_id = ? and licence_key = ? and revoked_at is null")
                .params(buyer.value(), key.strip().toUpperCase(java.util.Locale.ROOT)).query(HeldRow.class).optional().map(this::held);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HeldLicence> heldFor(AccountId buyer, UUID orderLineId) {
        return jdbc.sql("select licence_key, order_line_id, tier from licence where buyer_id = ? and order_line_id = ? and revoked_at is null")
                .params(buyer.value(), orderLineId).query(HeldRow.class).optional().map(this::held);
    }

    private HeldLicence held(HeldRow row) {
        List<UUID> workflows = jdbc.sql("select workflow_id from entitlement where order_line_id = ? order by workflow_id").param(row.orderLineId())
                .query(UUID.class).list();
        return new HeldLicence(row.licenceKey(), row.orderLineId(), workflows, LicenceTier.valueOf(row.tier()));
    }

    private boolean exists(UUID lineId) {
        return jdbc.sql("select exists (select 1 from licence where order_line_id = ?)").param(lineId).query(Boolean.class).single();
    }

    /**
     * An upgrade raises the tier of the buyer's licence: the same key, no second licence. The tier it was raised from is kept, so a
     * refund can lower it again; a replayed event changes nothing.
     */
    private void raise(OrderPaid event, OrderPaid.Line line, UUID licenceLineId) {
        record Held(UUID id, String tier) {
        }
        jdbc.sql("select id, tier from licence where order_line_id = ? and buyer_id = ? for update")
                .params(licenceLineId, event.buyerId().value()).query(Held.class).optional().ifPresent(held -> {
                    int recorded = jdbc.sql("""
                            insert into licence_upgrade (order_line_id, licence_id, from_tier, tier, paid_at) values (?, ?, ?, ?, ?)
                            on conflict do nothing""")
                            .params(line.lineId(), held.id(), held.tier(), line.tier().name(), Timestamp.from(event.paidAt())).update();
                    if (recorded > 0) {
                        jdbc.sql("update licence set tier = ? where id = ?").params(line.tier().name(), held.id()).update();
                    }
                });
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderLineRefunded event) {
        takeBack(event.line(), event.refundedAt());
    }

    /** A dispute lost takes its lines back as a refund does (decision 53). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderDisputeClosed event) {
        if (!event.won()) {
            event.lines().forEach(line -> takeBack(line, event.at()));
        }
    }

    private void takeBack(OrderPaid.Line line, java.time.Instant at) {
        if (line.upgradeOf() != null) {
            lower(line, at);
            return;
        }
        jdbc.sql("update licence set revoked_at = now() where order_line_id = ? and revoked_at is null").param(line.lineId()).update();
    }

    /**
     * A refunded upgrade no longer counts: the licence falls back to the highest tier among the one it was bought with and its
     * upgrades still paid (decision 49), and the seats beyond the lower tier's are taken back, the latest given first.
     */
    private void lower(OrderPaid.Line line, java.time.Instant at) {
        Optional<UUID> refunded = jdbc.sql("""
                update licence_upgrade set refunded_at = ? where order_line_id = ? and refunded_at is null returning licence_id""")
                .params(Timestamp.from(at), line.lineId()).query(UUID.class).optional();
        if (refunded.isEmpty()) {
            return;
        }
        UUID licenceId = refunded.get();
        record Licence(String tier, String title, UUID buyerId) {
        }
        Licence licence = jdbc.sql("select tier, title, buyer_id from licence where id = ? for update").param(licenceId)
                .query(Licence.class).single();
        record Step(String fromTier, String tier, boolean refunded) {
        }
        List<Step> steps = jdbc.sql("""
                select from_tier, tier, refunded_at is not null as refunded from licence_upgrade
                where licence_id = ? order by paid_at, order_line_id""").param(licenceId).query(Step.class).list();
        LicenceTier tier = LicenceTier.valueOf(steps.getFirst().fromTier());
        for (Step step : steps) {
            LicenceTier raised = LicenceTier.valueOf(step.tier());
            if (!step.refunded() && raised.compareTo(tier) > 0) {
                tier = raised;
            }
        }
        if (tier.name().equals(licence.tier())) {
            return;
        }
        jdbc.sql("update licence set tier = ? where id = ?").params(tier.name(), licenceId).update();
        Integer seats = tier.seats();
        if (seats == null) {
            return;
        }
        record Taken(UUID id, String email) {
        }
        // the buyer holds the first seat; the others keep theirs in the order they were given
        List<Taken> taken = jdbc.sql("""
                delete from licence_seat where id in (select id from licence_seat where licence_id = ? order by assigned_at, email offset ?)
                returning id, email""")
                .params(licenceId, seats - 1).query(Taken.class).list();
        taken.forEach(seat -> events.publishEvent(new LicenceSeatTakenBack(seat.id(), seat.email(), AccountId.of(licence.buyerId()),
                licence.title(), true)));
    }
}
