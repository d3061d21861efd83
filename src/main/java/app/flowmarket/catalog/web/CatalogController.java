package app.flowmarket.catalog.web;

import java.time.Instant;
import java.util.Optional;

import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.catalog.WorkflowStatus;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.PriceOffers;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

    /**
     * A workflow's page. A listing moderation holds is shown whole to its seller and to admins, each with why it is held
     * and what comes next; anyone else gets a page saying it is under review, as a 404 that search engines drop (and
     * do not index) until it is back.
     */
    @GetMapping("/workflows/{slug}")
    String workflow(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser viewer, Model model, HttpServletResponse response) {
        var found = catalog.workflowPage(slug, viewer == null ? null : viewer.account());
        var held = found.isEmpty() || found.get().status() == WorkflowStatus.HELD ? catalog.heldListing(slug) : Optional.<CatalogPages.HeldListing>empty();
        boolean admin = viewer != null && viewer.isAdmin();
        if (found.isEmpty() && held.isPresent() && !admin) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setHeader("X-Robots-Tag", "noindex");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            return "catalog/under-review";
        }
        var page = found.or(() -> held.map(CatalogPages.HeldListing::page)).orElseThrow(() -> new NotFoundException("workflow"));
        model.addAttribute("workflow", page);
        model.addAttribute("held", held.orElse(null));
        model.addAttribute("admin", admin);
        model.addAttribute("jsonLd", page.isPublished()
                ? ProductJsonLd.of(page, offers.offer(page.id(), page.price(), Instant.now()).orElse(null), site, LocaleContextHolder.getLocale())
                : null);
        model.addAttribute("owner", viewer != null && page.store().ownerId().equals(viewer.id()));
        var details = catalog.details(page);
        model.addAttribute("changes", details.changes());
        model.addAttribute("needs", details.needs());
        model.addAttribute("n8nMinimum", details.n8nMinimum());
        return "catalog/workflow";
    }

    /** The structural diff between any two versions of a workflow, at a URL that can be shared. */
    @GetMapping("/workflows/{slug}/versions/diff")
    String versionDiff(@PathVariable String slug, @RequestParam(required = false) @Nullable String from,
                       @RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal @Nullable CurrentUser viewer, Model model) {
        var page = catalog.workflowPage(slug, viewer == null ? null : viewer.account()).orElseThrow(() -> new NotFoundException("workflow"));
        int older = versionNumber(from);
        int newer = versionNumber(to);
        if (older > newer) {
            int swap = older;
            older = newer;
            newer = swap;
        }
        var diff = catalog.versionChanges(WorkflowId.of(page.id()), older, newer).orElseThrow(() -> new NotFoundException("version"));
        model.addAttribute("workflow", page);
        model.addAttribute("diff", diff);
        return "catalog/version-compare";
    }

    /** "3", "v3" or "3.0.0" name version 3; anything else names none. */
    static int versionNumber(@Nullable String text) {
        if (text == null) {
            return -1;
        }
        String number = text.strip();
        if (number.startsWith("v") || number.startsWith("V")) {
            number = number.substring(1);
        }
        number = number.replaceFirst("(\\.0)+$", "");
        if (!number.matches("[0-9]{1,6}")) {
            return -1;
        }
        return Integer.parseInt(number);
    }

    @GetMapping("/stores/{slug}")
    String store(@PathVariable String slug, Model model) {
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        model.addAttribute("store", store);
        model.addAttribute("workflows", queries.byStore(StoreId.of(store.id())));
        return "catalog/store";
    }
}
