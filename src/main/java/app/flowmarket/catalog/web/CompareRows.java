package app.flowmarket.catalog.web;

import java.math.RoundingMode;
import java.util.List;

import app.flowmarket.catalog.WorkflowPage;
import app.flowmarket.platform.Ui;

/** The comparison's rows other than integrations, and each workflow's value in them as the page shows it. */
public final class CompareRows {

    public static final List<String> KEYS = List.of("price", "seats", "rating", "sales", "platform", "store", "nodes", "complexity",
            "versions", "updated", "licence");

    private CompareRows() {
    }

    public static List<String> values(Ui ui, List<WorkflowPage> workflows, String key) {
        return workflows.stream().map(w -> value(ui, w, key)).toList();
    }

    static String value(Ui ui, WorkflowPage w, String key) {
        return switch (key) {
            case "price" -> ui.money(w.price());
            // every listing is sold with one licence today; seat tiers will show here
            case "seats" -> ui.t("compare.seats.single");
            case "rating" -> w.ratingCount() == 0 ? ui.t("card.no-ratings")
                    : "★ " + w.ratingAvg().setScale(1, RoundingMode.HALF_UP).toPlainString() + " (" + ui.t("workflow.ratings", w.ratingCount()) + ")";
            case "sales" -> ui.t("card.sales", w.salesCount());
            case "platform" -> w.platform().label();
            case "store" -> w.store().name();
            case "nodes" -> w.latestVersion().map(v -> String.valueOf(v.nodeCount())).orElse("—");
            case "complexity" -> ui.t("compare.complexity." + w.latestVersion()
                    .map(v -> v.nodeCount() <= 5 ? "simple" : v.nodeCount() <= 15 ? "medium" : "advanced").orElse("unknown"));
            case "versions" -> String.valueOf(w.versions().size());
            case "updated" -> ui.date(w.updatedAt());
            case "licence" -> ui.t("compare.licence.standard");
            default -> throw new IllegalArgumentException(key);
        };
    }
}
