package app.flowmarket.catalog.web;

import java.time.Instant;

import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.PriceOffers;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Public catalogue pages: home, workflow page, store page (browsing and search live in the search module). */
@Controller
class CatalogController {

    private final CatalogPages catalog;
    private final CatalogQueries queries;
    private final StoreManagement stores;
    private final SiteSettings site;
    private final PriceOffers offers;

    CatalogController(CatalogPages catalog, CatalogQueries queries, StoreManagement stores, SiteSettings site, PriceOffers offers) {
        this.offers = offers;
        this.catalog = catalog;
        this.queries = queries;
        this.stores = stores;
        this.site = site;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("featured", queries.featured(8));
        model.addAttribute("newest", queries.newest(8));
        model.addAttribute("popular", queries.popular(8));
        model.addAttribute("categories", queries.categoryCounts());
        return "catalog/home";
    }

    @GetMapping("/workflows/{slug}")
    String workflow(@PathVariable String slug, @AuthenticationPrincipal CurrentUser viewer, Model model) {
        var page = catalog.workflowPage(slug, viewer == null ? null : viewer.account()).orElseThrow(() -> new NotFoundException("workflow"));
        model.addAttribute("workflow", page);
        model.addAttribute("jsonLd", page.isPublished()
                ? ProductJsonLd.of(page, offers.offer(page.id(), page.price(), Instant.now()).orElse(null), site, LocaleContextHolder.getLocale())
                : null);
        model.addAttribute("owner", viewer != null && page.store().ownerId().equals(viewer.id()));
        java.util.Map<Integer, app.flowmarket.catalog.WorkflowDiff> changes = new java.util.HashMap<>();
        if (page.versions().size() > 1) {
            catalog.versionChanges(WorkflowId.of(page.id())).forEach(diff -> changes.put(diff.toVersion(), diff));
        }
        model.addAttribute("changes", changes);
        model.addAttribute("needs", catalog.compatibility(WorkflowId.of(page.id())).orElse(null));
        return "catalog/workflow";
    }

    @GetMapping("/stores/{slug}")
    String store(@PathVariable String slug, Model model) {
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        model.addAttribute("store", store);
        model.addAttribute("workflows", queries.byStore(StoreId.of(store.id())));
        return "catalog/store";
    }
}
