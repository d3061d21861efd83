package app.flowmarket.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import app.flowmarket.catalog.Apps;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.WorkflowPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /compare?w=slug1,slug2[,slug3]}: two or three published workflows side by side. A fourth is refused
 * with a message (the first three are still compared); unknown or unpublished slugs are named and left out.
 */
@Controller
class CompareController {

    static final int MAX = 3;

    private final CatalogPages catalog;

    CompareController(CatalogPages catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/compare")
    String compare(@RequestParam(name = "w", defaultValue = "") String slugs, HttpServletResponse response, Model model) {
        Set<String> asked = new LinkedHashSet<>(Arrays.stream(slugs.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .limit(20).toList());
        boolean tooMany = asked.size() > MAX;
        List<WorkflowPage> workflows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String slug : asked.stream().limit(MAX).toList()) {
            catalog.workflowPage(slug, null).filter(WorkflowPage::isPublished).ifPresentOrElse(workflows::add, () -> missing.add(slug));
        }
        if (tooMany) {
            response.setStatus(422);
        }
        Set<String> apps = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        workflows.forEach(w -> apps.addAll(w.integrations()));
        List<CompareAppRow> rows = apps.stream().map(app -> new CompareAppRow(app, Apps.name(app),
                workflows.stream().map(w -> w.integrations().stream().anyMatch(app::equalsIgnoreCase)).toList())).toList();
        model.addAttribute("workflows", workflows);
        model.addAttribute("apps", rows);
        model.addAttribute("tooMany", tooMany);
        model.addAttribute("missing", missing);
        model.addAttribute("n8nMinimums", workflows.stream().map(w -> catalog.minimumN8n(app.flowmarket.shared.WorkflowId.of(w.id()))
                .map(app.flowmarket.catalog.N8nReleases.Minimum::release).orElse("")).map(r -> r == null ? "" : r).toList());
        return "catalog/compare";
    }
}
