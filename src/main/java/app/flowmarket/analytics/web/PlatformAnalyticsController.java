package app.flowmarket.analytics.web;

import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.flowmarket.analytics.Period;
import app.flowmarket.analytics.PlatformStats;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.platform.Ui;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.TableWriter;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's numbers for admins (the admin area is for admins only): money, orders, people and the
 * best sellers of a period against the period before, with the seller dashboard's period picker and charts.
 */
@Controller
class PlatformAnalyticsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TOP = 10;

    private final PlatformStats stats;
    private final StoreManagement stores;
    private final CatalogManagement catalog;
    private final Bundles bundles;

    PlatformAnalyticsController(PlatformStats stats, StoreManagement stores, CatalogManagement catalog, Bundles bundles) {
        this.stats = stats;
        this.stores = stores;
        this.catalog = catalog;
        this.bundles = bundles;
    }

    @GetMapping("/admin/analytics")
    String page(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        PeriodChoice choice = PeriodChoice.of(period, from, to, LocalDate.now(ZoneOffset.UTC));
        Period days = choice.period();
        String currency = stats.currency().getCurrencyCode();
        Figures figures = new Figures(ui.locale(), currency, ui.t("dashboard.change.new"));
        PlatformStats.Totals current = stats.totals(days);
        PlatformStats.Totals previous = stats.totals(days.previous());
        List<PlatformStats.Point> series = stats.series(days);
        List<TopLine> topStores = new ArrayList<>();
        for (PlatformStats.Ranked ranked : stats.topStores(days, TOP)) {
            topStores.add(stores.find(StoreId.of(ranked.id())).map(s -> new TopLine(s.name(), "/stores/" + s.slug(), ranked))
                    .orElseGet(() -> new TopLine(ui.t("dashboard.item.removed"), null, ranked)));
        }
        List<TopLine> topItems = new ArrayList<>();
        for (PlatformStats.Ranked ranked : stats.topItems(days, TOP)) {
            topItems.add(catalog.purchasable(WorkflowId.of(ranked.id())).map(w -> new TopLine(w.title(), "/workflows/" + w.slug(), ranked))
                    .or(() -> bundles.find(ranked.id()).map(b -> new TopLine(b.title(), "/bundles/" + b.slug(), ranked)))
                    .orElseGet(() -> new TopLine(ui.t("dashboard.item.removed"), null, ranked)));
        }
        model.addAttribute("choice", choice);
        model.addAttribute("currency", currency);
        model.addAttribute("figures", figures);
        model.addAttribute("current", current);
        model.addAttribute("previous", previous);
        model.addAttribute("active", stats.activeOn(days.to()));
        model.addAttribute("activeBefore", stats.activeOn(days.previous().to()));
        model.addAttribute("series", series);
        model.addAttribute("topStores", topStores);
        model.addAttribute("topItems", topItems);
        model.addAttribute("charts", charts(ui, figures, days, currency, series, topStores));
        return "analytics/platform";
    }

    /** The period's figures per day, as CSV or Excel. */
    @GetMapping("/admin/analytics/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) String period,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                HttpServletResponse response) throws IOException {
        Ui ui = (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
        TableWriter.Format chosen = TableWriter.Format.of(format);
        Period days = PeriodChoice.of(period, from, to, LocalDate.now(ZoneOffset.UTC)).period();
        String currency = stats.currency().getCurrencyCode();
        response.setContentType(chosen.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("platform-" + days.from() + "-" + days.to() + "." + chosen.extension()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (TableWriter table = TableWriter.open(chosen, response.getOutputStream(), ui.t("platform-analytics.title"))) {
            table.row(List.of(ui.t("dashboard.day"), ui.t("platform-analytics.orders"), ui.t("dashboard.sales"), ui.t("platform-analytics.gmv"),
                    ui.t("platform-analytics.fees"), ui.t("dashboard.refunds"), ui.t("platform-analytics.refunded"),
                    ui.t("platform-analytics.refunded-fees"), ui.t("dashboard.views"), ui.t("dashboard.funnel.purchases"),
                    ui.t("platform-analytics.new-buyers"), ui.t("platform-analytics.new-sellers"), ui.t("platform-analytics.dau"),
                    ui.t("sales.export.column.currency")));
            for (PlatformStats.DayRow day : stats.days(days)) {
                table.row(List.of(day.day(), day.orders(), day.sales(), decimal(day.gmvMinor(), currency), decimal(day.feesMinor(), currency),
                        day.refunds(), decimal(day.refundedMinor(), currency), decimal(day.refundedFeesMinor(), currency), day.views(),
                        day.purchases(), day.newBuyers(), day.newSellers(), day.activeAccounts(), currency));
            }
        }
    }

    private static java.math.BigDecimal decimal(long minor, String currency) {
        return Money.of(minor, currency).toDecimal();
    }

    /** Each chart's data for the dashboard's script, as JSON in an attribute (escaped like any attribute). */
    private Map<String, String> charts(Ui ui, Figures figures, Period period, String currency, List<PlatformStats.Point> series,
                                       List<TopLine> topStores) {
        Map<String, String> charts = new LinkedHashMap<>();
        String locale = ui.locale().toLanguageTag();
        List<String> labels = series.stream().map(p -> figures.label(p.start(), period.monthly())).toList();
        charts.put("gmv", json(Map.of("kind", "line", "labels", labels, "currency", currency, "locale", locale,
                "series", List.of(
                        Map.of("name", ui.t("platform-analytics.gmv"), "money", true,
                                "values", series.stream().map(p -> figures.decimal(p.gmvMinor())).toList()),
                        Map.of("name", ui.t("platform-analytics.orders"), "values", series.stream().map(PlatformStats.Point::orders).toList())))));
        charts.put("fees", json(Map.of("kind", "bar", "labels", labels, "currency", currency, "locale", locale,
                "series", List.of(Map.of("name", ui.t("platform-analytics.fees"), "money", true,
                        "values", series.stream().map(p -> figures.decimal(p.feesMinor())).toList())))));
        charts.put("active", json(Map.of("kind", "bar", "labels", labels, "locale", locale,
                "series", List.of(Map.of("name", ui.t("platform-analytics.dau"),
                        "values", series.stream().map(PlatformStats.Point::activeAccounts).toList())))));
        charts.put("stores", json(Map.of("kind", "hbar", "labels", topStores.stream().map(TopLine::name).toList(), "currency", currency,
                "locale", locale,
                "series", List.of(Map.of("name", ui.t("dashboard.revenue"), "money", true,
                        "values", topStores.stream().map(s -> figures.decimal(s.ranked().net().minor())).toList())))));
        return charts;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage platformAnalyticsPage() {
            return AreaPage.admin("/admin/analytics", "platform-analytics.title", "admin.page.analytics", 3);
        }
    }
}
