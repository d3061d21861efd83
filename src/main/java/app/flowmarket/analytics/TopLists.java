package app.flowmarket.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import app.flowmarket.currency.Currencies;
import app.flowmarket.currency.ExchangeRatesUpdated;
import app.flowmarket.shared.AfterCommit;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.Money;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stores and items that sold the most in a period (decision 57). Each id's sums per currency are converted at the
 * day's rates and added up, in SQL. A period ending today reads a kept list of its closed days (the {@value #KEPT} ids
 * that sold the most, and the most any other sold), adds today's rows, and reads the whole period only for the few of
 * today's ids that could still reach the list; where that cannot prove the list, it reads the whole period. When the
 * rates change or a closed day is written, the offered periods' lists are recomputed in the background soon after
 * (decision 59); a page that needs a list being recomputed waits for that one computation.
 */
@Component
class TopLists {

    /** How many ids a kept list holds: far more than a page shows, so today's sales rarely push an unkept id into it. */
    static final int KEPT = 200;

    /** Writers of the day before may still be committing in the first minute of a day; no list is kept from then. */
    private static final int SETTLING_SECONDS = 60;

    enum Kind {
        STORES("S", "store_id"),
        ITEMS("I", "item_id");

        final String code;
        final String column;

        Kind(String code, String column) {
            this.code = code;
            this.column = column;
        }
    }

    private static final Comparator<PlatformStats.Ranked> ORDER = Comparator
            .comparingLong((PlatformStats.Ranked r) -> r.net().minor()).reversed()
            .thenComparing(Comparator.comparingLong(PlatformStats.Ranked::sales).reversed())
            .thenComparing(PlatformStats.Ranked::id);

    /** The key space of the lists' advisory locks (PostgreSQL's two-key form), so no other lock collides with them. */
    private static final int LIST_LOCKS = 0x70746f70;

    private static final Logger log = LoggerFactory.getLogger(TopLists.class);

    private final JdbcClient jdbc;
    private final CurrencyConverter converter;
    private final TransactionTemplate apart;
    private final Currencies currencies;
    private final AnalyticsSettings settings;

    /** A list being computed on this node: what it is computed at, and what it comes to; others wanting it wait for it. */
    private record Rebuild(String rates, long version, CompletableFuture<Kept> kept) {
    }

    private final ConcurrentMap<String, Rebuild> rebuilding = new ConcurrentHashMap<>();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("top-lists").daemon().factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    TopLists(JdbcClient jdbc, CurrencyConverter converter, PlatformTransactionManager transactions, Currencies currencies,
             AnalyticsSettings settings) {
        this.jdbc = jdbc;
        this.converter = converter;
        this.currencies = currencies;
        this.settings = settings;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An id's sums per currency (sales, net in minor units) and its store. */
    private static final class Sums {
        final Map<String, long[]> byCurrency = new TreeMap<>();
        UUID storeId;

        Sums(UUID storeId) {
            this.storeId = storeId;
        }

        void add(String currency, UUID store, long sales, long net) {
            long[] s = byCurrency.computeIfAbsent(currency, c -> new long[2]);
            s[0] += sales;
            s[1] += net;
            // the smallest as the database orders them, as a whole-period read picks it
            if (store.toString().compareTo(storeId.toString()) < 0) {
                storeId = store;
            }
        }

        long sales() {
            return byCurrency.values().stream().mapToLong(s -> s[0]).sum();
        }
    }

    /** The day's rates as multipliers of minor units into the platform currency's, per currency code. */
    record Rates(Currency to, Map<String, BigDecimal> multipliers) {

        long convert(long minor, String currency) {
            BigDecimal multiplier = multipliers.get(currency);
            if (minor == 0 || multiplier == null) {
                return 0;
            }
            return BigDecimal.valueOf(minor).multiply(multiplier).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        String[] codes() {
            return multipliers.keySet().toArray(String[]::new);
        }

        String[] values() {
            return multipliers.values().stream().map(BigDecimal::toPlainString).toArray(String[]::new);
        }

        /** What a kept list was ranked with: the same text for the same rates. */
        String fingerprint() {
            StringBuilder text = new StringBuilder(to.getCurrencyCode());
            multipliers.forEach((code, multiplier) -> text.append(' ').append(code).append('=').append(multiplier.toPlainString()));
            return text.toString();
        }
    }

    /** A kept list: the ids with their sums, and the most any id left out sold (null when none was). */
    private record Kept(Map<UUID, Sums> ids, @Nullable Long threshold) {
    }

    List<PlatformStats.Ranked> top(Kind kind, Period period, int limit, Currency to) {
        Rates rates = rates(to);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!period.to().equals(today) || !period.from().isBefore(today) || !settled(today)) {
            return live(kind, period, limit, rates);
        }
        Period closed = new Period(period.from(), today.minusDays(1));
        Kept kept = current(kind, closed, rates);
        List<PlatformStats.Ranked> merged = merged(kind, closed, today, kept, limit, rates);
        return merged != null ? merged : live(kind, period, limit, rates);
    }

    /** The periods the page offers, ending today. */
    private static List<Period> offered(LocalDate today) {
        return List.of(new Period(today.minusDays(6), today), new Period(today.minusDays(29), today), new Period(today.minusDays(89), today),
                new Period(today.minusMonths(12).plusDays(1), today));
    }

    /** Soon after midnight, the lists of the periods the page offers, so that the day's first admin does not wait for them. */
    @Scheduled(cron = "0 2 0 * * *", zone = "UTC")
    void keepOfferedPeriods() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!settled(today)) {
            soon(Duration.ofSeconds(SETTLING_SECONDS));
            return;
        }
        Rates rates = rates(currencies.fallback());
        for (Period period : offered(today)) {
            for (Kind kind : Kind.values()) {
                current(kind, new Period(period.from(), today.minusDays(1)), rates);
            }
        }
    }

    /** New rates rank every kept list differently: they are recomputed at once, in the background. */
    @ApplicationModuleListener
    void on(ExchangeRatesUpdated event) {
        soon(Duration.ZERO);
    }

    /**
     * A closed day is being written (its kept lists are void once this transaction commits): after the commit, the offered
     * periods' lists are recomputed in the background, {@code flowmarket.analytics.top-lists-after} later, once for every
     * write meanwhile (an import writes many).
     */
    void closedDaysWritten() {
        AfterCommit.runOnce(TopLists.class, () -> soon(settings.topListsAfter()));
    }

    /** The offered periods' lists recomputed on the background thread after {@code delay}, unless a pass is waiting already. */
    private void soon(Duration delay) {
        if (pending.compareAndSet(false, true)) {
            background.schedule(() -> {
                // a write from now on asks for another pass after this one
                pending.set(false);
                try {
                    keepOfferedPeriods();
                } catch (RuntimeException e) {
                    log.warn("The platform's top lists could not be kept: {}", e.toString());
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * The closed days' list at these rates and the current version, computed and kept when there is none: on this node one
     * computation of a list at a time, the others wanting it wait for it (or for the next, if it began before what they saw).
     */
    private Kept current(Kind kind, Period closed, Rates rates) {
        String key = kind.code + closed.from() + closed.to();
        while (true) {
            long version = version();
            Kept kept = kept(kind, closed, rates);
            if (kept != null) {
                return kept;
            }
            Rebuild mine = new Rebuild(rates.fingerprint(), version, new CompletableFuture<>());
            Rebuild running = rebuilding.putIfAbsent(key, mine);
            if (running == null) {
                try {
                    Kept built = Objects.requireNonNull(apart.execute(status -> rebuild(kind, closed, rates)));
                    mine.kept().complete(built);
                    return built;
                } catch (RuntimeException | Error e) {
                    mine.kept().completeExceptionally(e);
                    throw e;
                } finally {
                    rebuilding.remove(key, mine);
                }
            }
            try {
                Kept theirs = running.kept().join();
                if (running.rates().equals(rates.fingerprint()) && running.version() >= version) {
                    return theirs;
                }
            } catch (CompletionException e) {
                // theirs failed: this request tries itself
            }
        }
    }

    /**
     * Computes and keeps a list, one node at a time: a node that waited for another's finds it kept. {@code version} is
     * read before counting, so a write meanwhile leaves the list void for the next reader.
     */
    private Kept rebuild(Kind kind, Period closed, Rates rates) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(LIST_LOCKS, (kind.code + closed.from() + closed.to()).hashCode())
                .query(Integer.class).single();
        Kept kept = kept(kind, closed, rates);
        if (kept != null) {
            return kept;
        }
        long version = version();
        Kept computed = compute(kind, closed, rates);
        keep(kind, closed, rates.fingerprint(), version, computed);
        return computed;
    }

    /**
     * The kept ids with today's rows added; today's other ids completed with their closed days when they might reach the
     * list. Null when the kept list cannot prove the result (too few ids above what an unkept one may have sold).
     */
    private @Nullable List<PlatformStats.Ranked> merged(Kind kind, Period closed, LocalDate today, Kept kept, int limit, Rates rates) {
        Map<UUID, Sums> sums = new HashMap<>();
        kept.ids().forEach((id, s) -> s.byCurrency.forEach((currency, v) ->
                sums.computeIfAbsent(id, k -> new Sums(s.storeId)).add(currency, s.storeId, v[0], v[1])));
        Set<UUID> partial = new HashSet<>();
        jdbc.sql("select " + kind.column + ", currency, min(store_id::text)::uuid, sum(sales), sum(net_minor) from platform_item_daily"
                        + " where day = ? group by 1, 2")
                .param(today)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID store = rs.getObject(3, UUID.class);
                    if (!sums.containsKey(id) && kept.threshold() != null) {
                        partial.add(id);
                    }
                    sums.computeIfAbsent(id, k -> new Sums(store)).add(rs.getString(2), store, rs.getLong(4), rs.getLong(5));
                });
        List<PlatformStats.Ranked> exact = ranked(sums, partial, rates);
        long nth = exact.size() >= limit ? exact.get(limit - 1).net().minor() : Long.MIN_VALUE;
        List<UUID> complete = new ArrayList<>();
        Long threshold = kept.threshold();
        long most = threshold == null ? 0 : threshold;
        for (UUID id : partial) {
            Sums s = Objects.requireNonNull(sums.get(id));
            // an unkept id sold at most the threshold on the closed days; its sums converted apart round by at most one unit each
            long bound = most + value(s, rates) + s.byCurrency.size();
            if (bound >= nth) {
                complete.add(id);
            }
        }
        if (!complete.isEmpty()) {
            Rollups.Rows rows = Rollups.over("platform_item", "item_id, store_id, currency, sales, net_minor", null, closed, false);
            jdbc.sql("select " + kind.column + ", currency, min(store_id::text)::uuid, sum(sales), sum(net_minor) from " + rows.sql()
                            + " i where " + kind.column + " = any(?::uuid[]) group by 1, 2")
                    .params(rows.params((Object) complete.toArray(UUID[]::new)))
                    .query(rs -> {
                        Sums s = Objects.requireNonNull(sums.get(rs.getObject(1, UUID.class)));
                        s.add(rs.getString(2), rs.getObject(3, UUID.class), rs.getLong(4), rs.getLong(5));
                    });
            partial.removeAll(complete);
        }
        List<PlatformStats.Ranked> top = ranked(sums, partial, rates).stream().limit(limit).toList();
        if (threshold != null && (top.size() < limit || top.get(limit - 1).net().minor() <= threshold)) {
            return null;
        }
        return top;
    }

    /** The ids whose sums are whole (not in {@code partial}) that sold something, best first. */
    private static List<PlatformStats.Ranked> ranked(Map<UUID, Sums> sums, Set<UUID> partial, Rates rates) {
        List<PlatformStats.Ranked> ranked = new ArrayList<>();
        sums.forEach((id, s) -> {
            long sales = s.sales();
            if (!partial.contains(id) && sales > 0) {
                ranked.add(new PlatformStats.Ranked(id, s.storeId, sales, new Money(value(s, rates), rates.to())));
            }
        });
        ranked.sort(ORDER);
        return ranked;
    }

    private static long value(Sums sums, Rates rates) {
        long value = 0;
        for (Map.Entry<String, long[]> e : sums.byCurrency.entrySet()) {
            value += rates.convert(e.getValue()[1], e.getKey());
        }
        return value;
    }

    /** The whole period read at once: each id's sums per currency converted and added up by the database, the best few returned. */
    List<PlatformStats.Ranked> live(Kind kind, Period period, int limit, Rates rates) {
        Rollups.Rows rows = Rollups.over("platform_item", "item_id, store_id, currency, sales, net_minor", null, period, false);
        List<PlatformStats.Ranked> ranked = new ArrayList<>(jdbc.sql("""
                        select g.id, min(g.store)::uuid, sum(g.sales), sum(coalesce(round(g.net * r.multiplier), 0))::bigint v
                        from (select %s id, min(store_id::text) store, currency, sum(sales) sales, sum(net_minor) net from %s i
                              group by 1, 3) g
                        left join unnest(?::text[], ?::numeric[]) as r(currency, multiplier) on r.currency = g.currency
                        group by g.id having sum(g.sales) > 0
                        order by v desc, 3 desc fetch first ? rows with ties""".formatted(kind.column, rows.sql()))
                .params(rows.params(rates.codes(), rates.values(), limit))
                .query((rs, n) -> new PlatformStats.Ranked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                        new Money(rs.getLong(4), rates.to())))
                .list());
        ranked.sort(ORDER);
        return ranked.stream().limit(limit).toList();
    }

    /** The closed days' list: the {@value #KEPT} ids that sold the most (whether they had sales or only upgrades), with their sums. */
    private Kept compute(Kind kind, Period closed, Rates rates) {
        Rollups.Rows rows = Rollups.over("platform_item", "item_id, store_id, currency, sales, net_minor", null, closed, false);
        Map<UUID, Sums> ids = new LinkedHashMap<>();
        Map<UUID, Long> values = new HashMap<>();
        jdbc.sql("""
                        with g as (select %s id, min(store_id::text)::uuid store, currency, sum(sales) sales, sum(net_minor) net from %s i
                                   group by 1, 3),
                             v as (select g.id, sum(coalesce(round(g.net * r.multiplier), 0))::bigint v from g
                                   left join unnest(?::text[], ?::numeric[]) as r(currency, multiplier) on r.currency = g.currency
                                   group by g.id order by v desc limit ?)
                        select g.id, g.currency, g.store, g.sales, g.net, v.v from g join v on v.id = g.id""".formatted(kind.column, rows.sql()))
                .params(rows.params(rates.codes(), rates.values(), KEPT + 1))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID store = rs.getObject(3, UUID.class);
                    ids.computeIfAbsent(id, k -> new Sums(store)).add(rs.getString(2), store, rs.getLong(4), rs.getLong(5));
                    values.put(id, rs.getLong(6));
                });
        if (ids.size() <= KEPT) {
            return new Kept(ids, null);
        }
        UUID last = values.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        ids.remove(last);
        return new Kept(ids, values.get(last));
    }

    private @Nullable Kept kept(Kind kind, Period closed, Rates rates) {
        List<long[]> found = jdbc.sql("""
                        select coalesce(t.threshold_minor, -1), t.threshold_minor is null from platform_top t
                        where t.kind = ? and t.from_day = ? and t.to_day = ? and t.rates = ?
                          and t.version = (select version from platform_closed_version)""")
                .params(kind.code, closed.from(), closed.to(), rates.fingerprint())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0}).list();
        if (found.isEmpty()) {
            return null;
        }
        Map<UUID, Sums> ids = new HashMap<>();
        jdbc.sql("select id, currency, store_id, sales, net_minor from platform_top_entry where kind = ? and from_day = ? and to_day = ?")
                .params(kind.code, closed.from(), closed.to())
                .query(rs -> {
                    UUID store = rs.getObject(3, UUID.class);
                    ids.computeIfAbsent(rs.getObject(1, UUID.class), k -> new Sums(store)).add(rs.getString(2), store, rs.getLong(4),
                            rs.getLong(5));
                });
        return new Kept(ids, found.get(0)[1] == 1 ? null : Long.valueOf(found.get(0)[0]));
    }

    private long version() {
        return jdbc.sql("select version from platform_closed_version").query(Long.class).single();
    }

    /** Keeps a computed list beside the page's read-only work; a list kept meanwhile by another request stays. */
    private void keep(Kind kind, Period closed, String rates, long version, Kept kept) {
        jdbc.sql("delete from platform_top where kind = ? and (to_day < ? or (from_day = ? and to_day = ?))")
                .params(kind.code, closed.to(), closed.from(), closed.to()).update();
        int added = jdbc.sql("""
                        insert into platform_top (kind, from_day, to_day, rates, version, threshold_minor) values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(java.util.Arrays.asList(kind.code, closed.from(), closed.to(), rates, version, kept.threshold())).update();
        if (added == 0) {
            return;
        }
        kept.ids().forEach((id, s) -> s.byCurrency.forEach((currency, v) -> jdbc.sql("""
                        insert into platform_top_entry (kind, from_day, to_day, id, currency, store_id, sales, net_minor)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.code, closed.from(), closed.to(), id, currency, s.storeId, v[0], v[1]).update()));
    }

    /** The currencies sold in, each with the day's rate as a multiplier of minor units (none for a currency without a rate). */
    private Rates rates(Currency to) {
        Map<String, BigDecimal> multipliers = new TreeMap<>();
        for (String code : jdbc.sql("select distinct currency from platform_sales_daily").query(String.class).list()) {
            Currency from;
            try {
                from = Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (from.equals(to)) {
                multipliers.put(code, BigDecimal.ONE);
            } else {
                converter.rate(from, to).ifPresent(rate -> multipliers.put(code,
                        rate.scaleByPowerOfTen(Math.max(0, to.getDefaultFractionDigits()) - Math.max(0, from.getDefaultFractionDigits()))));
            }
        }
        multipliers.putIfAbsent(to.getCurrencyCode(), BigDecimal.ONE);
        return new Rates(to, multipliers);
    }

    private static boolean settled(LocalDate today) {
        return Instant.now().isAfter(today.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(SETTLING_SECONDS));
    }
}
