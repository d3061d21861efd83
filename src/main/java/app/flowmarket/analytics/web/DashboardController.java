package app.flowmarket.analytics.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import app.flowmarket.analytics.Period;
import app.flowmarket.analytics.SellerStats;
import app.flowmarket.analytics.TrafficSource;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.SellerWorkflow;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.commerce.DiscountPerformance;
import app.flowmarket.shared.StoreId;
import app.flowmarket.platform.Ui;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.TableWriter;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seller's dashboard: their store's numbers for a period against the period before, with charts and
 * the tables behind them, and the same for one of their workflows or bundles. The store is always the
 * signed-in seller's own; an item of another store is not found.
 */
@Controller
class DashboardController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SellerStats stats;
    private final StoreManagement stores;
    private final CatalogPages catalog;
    private final Bundles bundles;
    private final DiscountPerformance discounts;

    DashboardController(SellerStats stats, StoreManagement stores, CatalogPages catalog, Bundles bundles, DiscountPerformance discounts) {
        this.discounts = discounts;
        this.stats = stats;
        this.stores = stores;
        this.catalog = catalog;
        this.bundles = bundles;
    }

    @GetMapping("/seller/dashboard")
    String overview(@AuthenticationPrincipal CurrentUser seller, @RequestParam(required = false) @Nullable String period,
                    @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model) {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        var store = stores.findByOwner(seller.account()).orElse(null);
        if (store == null) {
            return "redirect:/stores/new";
        }
        PeriodChoice choice = PeriodChoice.of(period, from, to, LocalDate.now(ZoneOffset.UTC));
        List<SellerWorkflow> workflows = catalog.sellerWorkflows(seller.account());
        return render(store.id(), choice, null, itemsOf(workflows, store.id(), store.slug(), ui), fallbackCurrency(workflows), ui, model);
    }

    @GetMapping("/seller/dashboard/items/{itemId}")
    String item(@AuthenticationPrincipal CurrentUser seller, @PathVariable UUID itemId, @RequestParam(required = false) @Nullable String period,
                @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to, Model model) {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        var store = stores.findByOwner(seller.account()).orElse(null);
        if (store == null) {
            return "redirect:/stores/new";
        }
        PeriodChoice choice = PeriodChoice.of(period, from, to, LocalDate.now(ZoneOffset.UTC));
        List<SellerWorkflow> workflows = catalog.sellerWorkflows(seller.account());
        Map<UUID, Item> items = itemsOf(workflows, store.id(), store.slug(), ui);
        Item item = items.get(itemId);
        if (item == null) {
            // another store's workflow, or no workflow at all: the same answer, so ids cannot be probed
            throw new NotFoundException("workflow");
        }
        return render(store.id(), choice, item, items, fallbackCurrency(workflows), ui, model);
    }

    private String render(UUID storeId, PeriodChoice choice, @Nullable Item item, Map<UUID, Item> items, String fallbackCurrency, Ui ui,
                          Model model) {
        Period period = choice.period();
        UUID itemId = item == null ? null : item.id();
        SellerStats.Overview overview = stats.overview(storeId, period, fallbackCurrency, itemId, 10);
        List<String> currencies = overview.currencies();
        String currency = overview.currency();
        Figures figures = new Figures(ui.locale(), currency, ui.t("dashboard.change.new"));
        SellerStats.Totals current = overview.current();
        SellerStats.Totals previous = overview.previous();
        List<SellerStats.Point> series = overview.series();
        List<SellerStats.SourceRow> sources = overview.sources();
        List<SellerStats.ReferrerRow> referrers = overview.referrers();
        List<ItemLine> lines = new ArrayList<>();
        if (item == null) {
            for (SellerStats.ItemRow row : overview.items()) {
                Item known = items.get(row.itemId());
                lines.add(new ItemLine(known != null ? known : new Item(row.itemId(), ui.t("dashboard.item.removed"), "removed", null), row));
            }
        }
        model.addAttribute("choice", choice);
        model.addAttribute("item", item);
        model.addAttribute("currency", currency);
        model.addAttribute("otherCurrencies", currencies.subList(1, currencies.size()));
        model.addAttribute("figures", figures);
        model.addAttribute("current", current);
        model.addAttribute("previous", previous);
        model.addAttribute("series", series);
        model.addAttribute("lines", lines);
        model.addAttribute("sources", sources);
        model.addAttribute("referrers", referrers);
        model.addAttribute("charts", charts(ui, figures, period, currency, series, lines, sources, current));
        if (item == null) {
            DiscountPerformance.Report report = discounts.ofStore(StoreId.of(storeId), period.from(), period.to());
            model.addAttribute("coupons", report.coupons());
            model.addAttribute("promotions", promotionLines(storeId, report.promotions(), currency));
        }
        return "analytics/dashboard";
    }

    /** Each promotion with what its workflows sold while it ran and before, from the rollups, in the page's currency. */
    private List<PromotionLine> promotionLines(UUID storeId, List<DiscountPerformance.PromotionRow> promotions, String currency) {
        Map<UUID, SellerStats.WindowSales> sold = stats.salesOf(storeId, promotions.stream()
                .map(p -> new SellerStats.Window(p.promotionId(), p.workflowIds(), p.firstDay(), p.lastDay(), p.beforeFrom(),
                        p.startDay().minusDays(1)))
                .toList(), currency);
        return promotions.stream().map(p -> {
            SellerStats.WindowSales sales = sold.getOrDefault(p.promotionId(), new SellerStats.WindowSales(0, 0, 0));
            Money revenue = Money.of(sales.revenueMinor(), currency);
            return new PromotionLine(p, sales.sold(), revenue, p.discountOn(sales.sold(), revenue), sales.soldBefore());
        }).toList();
    }

    /** The period's numbers per day and item, as CSV or Excel. */
    @GetMapping("/seller/dashboard/export")
    void export(@AuthenticationPrincipal CurrentUser seller, @RequestParam(required = false) @Nullable String format,
                @RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String from,
                @RequestParam(required = false) @Nullable String to, Model model, HttpServletResponse response) throws IOException {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        var store = stores.findByOwner(seller.account()).orElseThrow(() -> new DomainException("store.none"));
        TableWriter.Format chosen = TableWriter.Format.of(format);
        Period days = PeriodChoice.of(period, from, to, LocalDate.now(ZoneOffset.UTC)).period();
        List<SellerWorkflow> workflows = catalog.sellerWorkflows(seller.account());
        Map<UUID, Item> items = itemsOf(workflows, store.id(), store.slug(), ui);
        String currency = stats.currencies(store.id(), days, fallbackCurrency(workflows)).get(0);
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("stats-" + store.slug() + "-" + days.from() + "-" + days.to() + "." + chosen.extension()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (TableWriter table = TableWriter.open(chosen, response.getOutputStream(), ui.t("dashboard.title"))) {
            table.row(List.of(ui.t("dashboard.day"), ui.t("dashboard.item"), ui.t("dashboard.views"), ui.t("dashboard.visitors"),
                    ui.t("dashboard.funnel.carts"), ui.t("dashboard.funnel.checkouts"), ui.t("dashboard.funnel.purchases"),
                    ui.t("dashboard.refunds"), ui.t("dashboard.revenue"), ui.t("sales.export.column.currency")));
            stats.forEachDay(store.id(), days, currency, day -> {
                Item item = items.get(day.itemId());
                table.row(List.of(day.day(), item == null ? ui.t("dashboard.item.removed") : item.title(), day.views(), day.visitors(),
                        day.carts(), day.checkouts(), day.purchases(), day.refunds(),
                        Money.of(day.revenueMinor(), currency).toDecimal(), currency));
            });
        }
    }

    /** Each chart's data for the page's script, as JSON in an attribute (escaped like any attribute). */
    private Map<String, String> charts(Ui ui, Figures figures, Period period, String currency, List<SellerStats.Point> series,
                                       List<ItemLine> lines, List<SellerStats.SourceRow> sources, SellerStats.Totals current) {
        Map<String, String> charts = new LinkedHashMap<>();
        List<String> labels = series.stream().map(p -> figures.label(p.start(), period.monthly())).toList();
        charts.put("revenue", json(Map.of("kind", "line", "labels", labels, "currency", currency, "locale", ui.locale().toLanguageTag(),
                "series", List.of(
                        Map.of("name", ui.t("dashboard.revenue"), "money", true,
                                "values", series.stream().map(p -> figures.decimal(p.revenueMinor())).toList()),
                        Map.of("name", ui.t("dashboard.sales"), "values", series.stream().map(SellerStats.Point::sales).toList())))));
        charts.put("views", json(Map.of("kind", "bar", "labels", labels, "locale", ui.locale().toLanguageTag(),
                "series", List.of(Map.of("name", ui.t("dashboard.views"), "values", series.stream().map(SellerStats.Point::views).toList())))));
        List<ItemLine> top = lines.stream().filter(l -> l.row().revenueMinor() > 0 || l.row().sales() > 0).limit(10).toList();
        charts.put("items", json(Map.of("kind", "hbar", "labels", top.stream().map(l -> l.item().title()).toList(), "currency", currency,
                "locale", ui.locale().toLanguageTag(),
                "series", List.of(Map.of("name", ui.t("dashboard.revenue"), "money", true,
                        "values", top.stream().map(l -> figures.decimal(l.row().revenueMinor())).toList())))));
        charts.put("sources", json(Map.of("kind", "pie", "locale", ui.locale().toLanguageTag(),
                "labels", sources.stream().map(s -> ui.t("dashboard.source." + s.channel().name().toLowerCase(java.util.Locale.ROOT))).toList(),
                "series", List.of(Map.of("name", ui.t("dashboard.views"), "values", sources.stream().map(SellerStats.SourceRow::views).toList())))));
        charts.put("funnel", json(Map.of("kind", "funnel", "locale", ui.locale().toLanguageTag(),
                "labels", List.of(ui.t("dashboard.funnel.views"), ui.t("dashboard.funnel.carts"), ui.t("dashboard.funnel.checkouts"),
                        ui.t("dashboard.funnel.purchases")),
                "series", List.of(Map.of("name", ui.t("dashboard.funnel"),
                        "values", List.of(current.views(), current.carts(), current.checkouts(), current.purchases()))))));
        return charts;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Every workflow and bundle of the store (published or not), and its own page. */
    private Map<UUID, Item> itemsOf(List<SellerWorkflow> workflows, UUID storeId, String storeSlug, Ui ui) {
        Map<UUID, Item> items = new LinkedHashMap<>();
        for (SellerWorkflow workflow : workflows) {
            items.put(workflow.id(), new Item(workflow.id(), workflow.title(), "workflow", "/workflows/" + workflow.slug()));
        }
        for (Bundles.BundleView bundle : bundles.ofStore(storeId, false)) {
            items.put(bundle.id(), new Item(bundle.id(), bundle.title(), "bundle", "/bundles/" + bundle.slug()));
        }
        items.put(new UUID(0, 0), new Item(new UUID(0, 0), ui.t("dashboard.item.store-page"), "store", "/stores/" + storeSlug));
        return items;
    }

    private static String fallbackCurrency(List<SellerWorkflow> workflows) {
        return workflows.stream().map(w -> w.price().currency().getCurrencyCode()).findFirst().orElse("USD");
    }
}
