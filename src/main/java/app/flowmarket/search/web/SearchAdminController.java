package app.flowmarket.search.web;

import app.flowmarket.platform.Flash;
import app.flowmarket.search.CatalogSearch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Operators see whether the search index is complete and can rebuild it. */
@Controller
class SearchAdminController {

    private final CatalogSearch catalogSearch;
    private final app.flowmarket.audit.AuditLog auditLog;

    SearchAdminController(CatalogSearch catalogSearch, app.flowmarket.audit.AuditLog auditLog) {
        this.catalogSearch = catalogSearch;
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/search")
    String status(Model model) {
        model.addAttribute("status", catalogSearch.indexStatus());
        return "search/admin";
    }

    @PostMapping("/admin/search/reindex")
    String reindex(@org.springframework.security.core.annotation.AuthenticationPrincipal app.flowmarket.shared.CurrentUser admin,
                   RedirectAttributes redirect) {
        auditLog.record(admin.id(), admin.email(), "search.reindexed", "search-index", null, null);
        catalogSearch.reindex();
        Flash.success(redirect, "search.admin.reindexed");
        return "redirect:/admin/search";
    }
}
