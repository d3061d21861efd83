package app.flowmarket.review.web;

import java.util.UUID;

import app.flowmarket.platform.Flash;
import app.flowmarket.review.Reviews;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's reviews: every review of their workflows, filtered, each with its one public reply. */
@Controller
class SellerReviewController {

    private final Reviews reviews;

    SellerReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/seller/reviews")
    String list(@AuthenticationPrincipal CurrentUser seller, @RequestParam(defaultValue = "all") String filter, Model model) {
        Reviews.SellerFilter chosen = switch (filter) {
            case "unanswered" -> Reviews.SellerFilter.UNANSWERED;
            case "low" -> Reviews.SellerFilter.LOW_RATING;
            default -> Reviews.SellerFilter.ALL;
        };
        model.addAttribute("filter", chosen == Reviews.SellerFilter.ALL ? "all" : filter);
        model.addAttribute("reviews", reviews.ofSeller(seller.id(), chosen));
        return "review/seller-reviews";
    }

    @PostMapping("/seller/reviews/{id}/reply")
    String reply(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser seller, @RequestParam(defaultValue = "") String body,
                 @RequestParam(defaultValue = "all") String filter, RedirectAttributes redirect) {
        Flash.attempt(redirect, "review.reply.saved", () -> reviews.reply(seller.actor(), id, body));
        String back = switch (filter) {
            case "unanswered", "low" -> filter;
            default -> "all";
        };
        return "redirect:/seller/reviews?filter=" + back + "#review-" + id;
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage sellerReviewsPage() {
            return AreaPage.seller("/seller/reviews", "seller.reviews.title", "seller.page.reviews", 25);
        }
    }
}
