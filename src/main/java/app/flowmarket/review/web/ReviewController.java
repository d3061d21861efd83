package app.flowmarket.review.web;

import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement.PurchasableWorkflow;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogPages;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.platform.Flash;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.shared.WebInput;
import app.flowmarket.shared.WorkflowId;
import app.flowmarket.store.StoreManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A workflow's reviews. On the workflow page they are a fragment that htmx loads and replaces in place
 * (writing, editing, deleting, voting); without JavaScript the same URLs serve a full page
 * and every form posts, then comes back to the workflow page. A rejected review is shown again with the
 * reason in an error box and the text the person typed.
 */
@Controller
class ReviewController {

    private final Reviews reviews;
    private final CatalogManagement catalog;
    private final CatalogPages pages;
    private final Licensing licensing;
    private final StoreManagement stores;

    ReviewController(Reviews reviews, CatalogManagement catalog, Licensing licensing, StoreManagement stores, CatalogPages pages) {
        this.pages = pages;
        this.stores = stores;
        this.reviews = reviews;
        this.catalog = catalog;
        this.licensing = licensing;
    }

    @GetMapping("/workflows/{slug}/reviews")
    String list(@PathVariable String slug, @RequestParam(defaultValue = "newest") String sort,
                @RequestParam(required = false) @Nullable String edit, @AuthenticationPrincipal @Nullable CurrentUser viewer, Model model) {
        PurchasableWorkflow workflow = readable(slug, viewer);
        return show(workflow, sort, viewer, edit != null ? draftOf(workflow, viewer) : null, null, model);
    }

    @PostMapping("/workflows/{slug}/reviews")
    String post(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser author, @RequestParam(defaultValue = "0") String rating,
                @RequestParam(defaultValue = "") String body, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
                RedirectAttributes redirect, HttpServletResponse response, Model model) {
        if (author == null) {
            return "redirect:/login";
        }
        PurchasableWorkflow workflow = published(slug);
        try {
            reviews.post(author.actor(), workflow.id(), parse(rating), body);
        } catch (DomainException e) {
            if (!"true".equals(htmx)) {
                response.setStatus(422);
            }
            return show(workflow, "newest", author, new ReviewDraft(parse(rating), body), ReviewNotice.error(e), model);
        }
        return done(workflow, author, htmx, ReviewNotice.success("review.saved"), null, redirect, model);
    }

    @PostMapping("/workflows/{slug}/reviews/delete")
    String delete(@PathVariable String slug, @AuthenticationPrincipal @Nullable CurrentUser author,
                  @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect, Model model) {
        if (author == null) {
            return "redirect:/login";
        }
        PurchasableWorkflow workflow = published(slug);
        reviews.delete(author.actor(), workflow.id());
        return done(workflow, author, htmx, ReviewNotice.success("review.deleted"), null, redirect, model);
    }

    @PostMapping("/reviews/{id}/helpful")
    String helpful(@PathVariable UUID id, @AuthenticationPrincipal @Nullable CurrentUser voter, @RequestParam(required = false) @Nullable String back,
                   @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, RedirectAttributes redirect,
                   HttpServletResponse response, Model model) {
        String target = back == null ? null : WebInput.localPath(back, "/");
        PurchasableWorkflow workflow = workflowOfReview(id);
        if (voter == null) {
            return "redirect:/login";
        }
        ReviewNotice notice;
        try {
            reviews.voteHelpful(voter.actor(), id);
            notice = ReviewNotice.success("review.voted");
        } catch (DomainException e) {
            notice = ReviewNotice.error(e);
            if (!"true".equals(htmx)) {
                response.setStatus(422);
            }
        }
        return done(workflow, voter, htmx, notice, target, redirect, model);
    }

    /**
     * htmx gets the fragment with the message in it; a plain form post goes back to the page it came from
     * ({@code back}, a path on this site) or to the workflow page's reviews.
     */
    private String done(PurchasableWorkflow workflow, CurrentUser viewer, @Nullable String htmx, ReviewNotice notice, @Nullable String back,
                        RedirectAttributes redirect, Model model) {
        if ("true".equals(htmx)) {
            return show(workflow, "newest", viewer, null, notice, model);
        }
        if (notice.error()) {
            // a flash message is a bare key shown as a success: an error is shown on the reviews page instead
            return show(workflow, "newest", viewer, null, notice, model);
        }
        Flash.success(redirect, notice.key());
        return "redirect:" + (back != null ? back : "/workflows/" + workflow.slug() + "#reviews-h");
    }

    private String show(PurchasableWorkflow workflow, String sort, @Nullable CurrentUser viewer, @Nullable ReviewDraft draft, @Nullable ReviewNotice notice,
                        Model model) {
        Reviews.Sort order = "helpful".equals(sort) ? Reviews.Sort.HELPFUL : Reviews.Sort.NEWEST;
        var all = reviews.ofWorkflow(workflow.id(), order, viewer == null ? null : viewer.id());
        model.addAttribute("workflow", workflow);
        model.addAttribute("sort", order.name().toLowerCase());
        model.addAttribute("reviews", all);
        model.addAttribute("canReview", viewer != null && licensing.owns(viewer.account(), WorkflowId.of(workflow.id())));
        model.addAttribute("mine", viewer == null ? null : all.stream().filter(r -> r.authorId().equals(viewer.id())).findFirst().orElse(null));
        model.addAttribute("seller", viewer != null && stores.owns(viewer.account(), StoreId.of(workflow.storeId())));
        model.addAttribute("draft", draft);
        model.addAttribute("notice", notice);
        return "review/reviews";
    }

    private @Nullable ReviewDraft draftOf(PurchasableWorkflow workflow, @Nullable CurrentUser viewer) {
        return viewer == null ? null : reviews.ofAuthor(workflow.id(), viewer.id()).map(r -> new ReviewDraft(r.rating(), r.body())).orElse(null);
    }

    /** A published listing; one that is not, only to whom its page shows it (its seller; admins while moderation holds it). */
    private PurchasableWorkflow readable(String slug, @Nullable CurrentUser viewer) {
        return catalog.purchasableBySlug(slug)
                .filter(w -> w.published() || viewer != null && pages.readablePage(slug, viewer.account(), viewer.isAdmin()).isPresent())
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    private PurchasableWorkflow published(String slug) {
        return catalog.purchasableBySlug(slug).filter(PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
    }

    private PurchasableWorkflow workflowOfReview(UUID reviewId) {
        return reviews.workflowOf(reviewId).map(WorkflowId::of).flatMap(catalog::purchasable).orElseThrow(() -> new NotFoundException("review"));
    }

    private static int parse(String rating) {
        try {
            return Integer.parseInt(rating.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
