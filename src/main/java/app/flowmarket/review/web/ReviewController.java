package app.flowmarket.review.web;

import java.util.UUID;

import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.licensing.Licensing;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.WebInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ReviewController {

    private final Reviews reviews;
    private final CatalogManagement catalog;
    private final Licensing licensing;

    ReviewController(Reviews reviews, CatalogManagement catalog, Licensing licensing) {
        this.reviews = reviews;
        this.catalog = catalog;
        this.licensing = licensing;
    }

    @GetMapping("/workflows/{slug}/reviews")
    String list(@PathVariable String slug, @RequestParam(defaultValue = "newest") String sort,
                @AuthenticationPrincipal CurrentUser viewer, Model model) {
        var workflow = catalog.purchasableBySlug(slug).filter(CatalogManagement.PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
        Reviews.Sort order = "helpful".equals(sort) ? Reviews.Sort.HELPFUL : Reviews.Sort.NEWEST;
        model.addAttribute("workflow", workflow);
        model.addAttribute("sort", order.name().toLowerCase());
        model.addAttribute("reviews", reviews.ofWorkflow(workflow.id(), order));
        model.addAttribute("canReview", viewer != null && licensing.owns(viewer.id(), workflow.id()));
        model.addAttribute("mine", viewer == null ? null : reviews.ofAuthor(workflow.id(), viewer.id()).orElse(null));
        return "review/reviews";
    }

    @PostMapping("/workflows/{slug}/reviews")
    String post(@PathVariable String slug, @AuthenticationPrincipal CurrentUser author, @RequestParam(defaultValue = "0") String rating,
                @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        if (author == null) {
            return "redirect:/login";
        }
        var workflow = catalog.purchasableBySlug(slug).orElseThrow(() -> new NotFoundException("workflow"));
        try {
            reviews.post(author, workflow.id(), parse(rating), body);
            redirect.addFlashAttribute("flash", "review.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("flash", e.messageKey());
        }
        return "redirect:/workflows/" + slug + "/reviews";
    }

    @PostMapping("/reviews/{id}/helpful")
    String helpful(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser voter, @RequestParam(defaultValue = "/") String back,
                   RedirectAttributes redirect) {
        String target = WebInput.localPath(back, "/");
        if (voter == null) {
            return "redirect:/login";
        }
        try {
            reviews.voteHelpful(voter, id);
            redirect.addFlashAttribute("flash", "review.voted");
        } catch (DomainException e) {
            redirect.addFlashAttribute("flash", e.messageKey());
        }
        return "redirect:" + target;
    }

    @PostMapping("/reviews/{id}/report")
    String report(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser reporter, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "/") String back, RedirectAttributes redirect) {
        String target = WebInput.localPath(back, "/");
        if (reporter == null) {
            return "redirect:/login";
        }
        reviews.report(reporter, id, reason);
        redirect.addFlashAttribute("flash", "review.reported");
        return "redirect:" + target;
    }

    private static int parse(String rating) {
        try {
            return Integer.parseInt(rating.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
