package app.flowmarket.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import app.flowmarket.analytics.AnalyticsHistory;
import app.flowmarket.analytics.TrafficSource.Channel;
import app.flowmarket.commerce.Pricing;
import app.flowmarket.commerce.Sellable;
import app.flowmarket.shared.Money;
import org.springframework.stereotype.Component;

/**
 * A year of believable traffic and sales for the demo seller's dashboard, written as daily rollups in a
 * few batches (not as thousands of orders): each workflow draws visitors from the day it went public,
 * more as the months go by and fewer at weekends, from search engines, social networks, newsletters and
 * other sites; a few of them put it in their cart, fewer pay, and now and then a sale is refunded. Each
 * sale is split between fee and seller share by the pricing engine, as a real one would be.
 */
@Component
class DemoTraffic {

    private record Source(Channel channel, String referrer, double share, double conversion) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(Channel.SEARCH, "google", .30, 1.0), new Source(Channel.SEARCH, "duckduckgo", .05, 1.0),
            new Source(Channel.SEARCH, "bing", .04, .9), new Source(Channel.SOCIAL, "x", .08, .6),
            new Source(Channel.SOCIAL, "linkedin", .09, 1.1), new Source(Channel.SOCIAL, "reddit", .06, .7),
            new Source(Channel.EMAIL, "newsletter", .06, 1.8), new Source(Channel.OTHER, "community.n8n.io", .05, 1.3),
            new Source(Channel.OTHER, "automation-weekly.example.com", .03, 1.0), new Source(Channel.DIRECT, "", .18, 1.2),
            new Source(Channel.INTERNAL, "", .06, .8));

    private final AnalyticsHistory history;
    private final Pricing pricing;

    DemoTraffic(AnalyticsHistory history, Pricing pricing) {
        this.history = history;
        this.pricing = pricing;
    }

    /** One of the store's workflows as listed: its id, title, slug, price and when it went public. */
    record Listed(UUID id, String title, Money price, Instant published) {
    }

    /** Writes the store's history up to yesterday (today is tracked live); returns the number of sales made up. */
    int write(UUID storeId, List<Listed> workflows, LocalDate today, Random random, List<Pricing.PromotionTerms> promotions) {
        return write(storeId, workflows, today, random, 1.0, promotions);
    }

    int write(UUID storeId, List<Listed> workflows, LocalDate today, Random random, double traffic) {
        return write(storeId, workflows, today, random, traffic, List.of());
    }

    /**
     * The same for a store with {@code traffic} times the demo seller's visitors; some of its buyers were buying
     * on the marketplace for the first time (new buyers of the platform's history).
     */
    private int write(UUID storeId, List<Listed> workflows, LocalDate today, Random random, double traffic,
                      List<Pricing.PromotionTerms> promotions) {
        LocalDate first = today.minusDays(364);
        List<AnalyticsHistory.Day> days = new ArrayList<>();
        java.util.Map<LocalDate, Integer> newBuyers = new java.util.TreeMap<>();
        // drawn apart, so the store's own numbers stay what they were before the platform's were made up
        Random firstTimers = new Random(storeId.getMostSignificantBits());
        int sales = 0;
        for (Listed workflow : workflows) {
            Sellable item = new Sellable(Sellable.Kind.WORKFLOW, workflow.id(), workflow.title(), "", storeId, workflow.price(), List.of(workflow.id()));
            Pricing.QuoteLine listed = pricing.quote(List.of(item)).lines().get(0);
            List<Pricing.PromotionTerms> its = promotions.stream().filter(p -> p.workflowIds().contains(workflow.id())).toList();
            // a day of a promotion is priced as the engine priced it that day (at noon), and sells more
            java.util.Map<UUID, Pricing.QuoteLine> onSale = new java.util.HashMap<>();
            double popularity = .4 + random.nextDouble() * 1.4;
            // free workflows are taken far more often; dear ones less
            double buyRate = workflow.price().isFree() ? .09 : .018 + random.nextDouble() * .012;
            LocalDate from = LocalDate.ofInstant(workflow.published(), ZoneOffset.UTC).plusDays(1);
            for (LocalDate day = from.isBefore(first) ? first : from; day.isBefore(today); day = day.plusDays(1)) {
                double growth = .45 + .9 * (365 - today.toEpochDay() + day.toEpochDay()) / 365.0;
                double weekday = day.getDayOfWeek().getValue() >= 6 ? .65 : 1.0;
                double expected = 26 * popularity * growth * weekday * traffic;
                java.time.Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
                Pricing.PromotionTerms running = its.stream().filter(p -> p.runsAt(noon)).findFirst().orElse(null);
                Pricing.QuoteLine split = running == null ? listed : onSale.computeIfAbsent(running.id(), id -> pricing.quote(List.of(item),
                        workflow.price().currency(), List.of(), List.of(running), noon).lines().get(0));
                double lift = running == null ? 1.0 : 1.8;
                for (Source source : SOURCES) {
                    int views = poisson(expected * source.share(), random);
                    if (views == 0) {
                        continue;
                    }
                    int carts = binomial(views, Math.min(.9, buyRate * 2.6 * source.conversion() * lift), random);
                    int checkouts = binomial(carts, .62, random);
                    int purchases = binomial(checkouts, .72, random);
                    int refunds = workflow.price().isFree() ? 0 : binomial(purchases, .03, random);
                    sales += purchases;
                    int firstTime = workflow.price().isFree() ? 0 : binomial(purchases, .35, firstTimers);
                    if (firstTime > 0) {
                        newBuyers.merge(day, firstTime, Integer::sum);
                    }
                    days.add(new AnalyticsHistory.Day(storeId, day, workflow.id(), source.channel(), source.referrer(), views,
                            Math.max(1, (int) Math.round(views * (.78 + random.nextDouble() * .12))), carts, checkouts, purchases, refunds,
                            times(split.net(), purchases), times(split.fee(), purchases), times(split.sellerShare(), purchases),
                            times(split.net(), refunds), times(split.sellerShare(), refunds)));
                }
            }
        }
        // the store's own page: people looking around before choosing
        Money zero = Money.zero(workflows.get(0).price().currency());
        for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
            for (Source source : SOURCES) {
                int views = poisson(9 * source.share() * (.5 + (365 - today.toEpochDay() + day.toEpochDay()) / 365.0), random);
                if (views > 0) {
                    days.add(new AnalyticsHistory.Day(storeId, day, null, source.channel(), source.referrer(), views, Math.max(1, views * 4 / 5),
                            0, 0, 0, 0, zero, zero, zero, zero, zero));
                }
            }
        }
        if (traffic >= 1.0) {
            // the demo seller's whole year, raw events included
            history.importDays(days);
        } else {
            // the others' years show in the platform's figures and as months; their last five weeks as days
            history.importSummary(days, today.minusDays(35));
        }
        history.importNewBuyers(newBuyers);
        return sales;
    }

    /** The day a store of the demo really opened, for the platform's new sellers. */
    void opened(UUID storeId, Instant openedAt) {
        history.importOpening(storeId, LocalDate.ofInstant(openedAt, ZoneOffset.UTC));
    }

    /**
     * A year of the demo people using the site signed in: each from a day of their own (a store's owner from the
     * day the store opened), some every other day, some once a week, less at weekends.
     */
    void activity(List<UUID> people, java.util.Map<UUID, Instant> since, LocalDate today, Random random) {
        List<AnalyticsHistory.Activity> active = new ArrayList<>();
        for (UUID person : people) {
            Instant joined = since.get(person);
            LocalDate from = joined != null ? LocalDate.ofInstant(joined, ZoneOffset.UTC) : today.minusDays(30 + random.nextInt(335));
            double often = .08 + random.nextDouble() * .5;
            for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
                double weekday = day.getDayOfWeek().getValue() >= 6 ? .6 : 1.0;
                if (random.nextDouble() < often * weekday) {
                    active.add(new AnalyticsHistory.Activity(day, person));
                }
            }
        }
        history.importActivity(active);
    }

    /** So many sales at the same price: the same split each time. */
    private static Money times(Money each, int count) {
        return Money.of(Math.multiplyExact(each.minor(), count), each.currency().getCurrencyCode());
    }

    private static int poisson(double mean, Random random) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static int binomial(int trials, double p, Random random) {
        int successes = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < p) {
                successes++;
            }
        }
        return successes;
    }
}
