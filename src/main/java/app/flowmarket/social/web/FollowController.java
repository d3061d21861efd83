package app.flowmarket.social.web;

import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.social.Follows;
import app.flowmarket.store.StoreManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class FollowController {

    private final Follows follows;
    private final StoreManagement stores;

    FollowController(Follows follows, StoreManagement stores) {
        this.follows = follows;
        this.stores = stores;
    }

    /** The follow button and follower count, loaded into store and workflow pages by htmx. */
    @GetMapping("/stores/{slug}/follow")
    String button(@PathVariable String slug, @AuthenticationPrincipal CurrentUser user, Model model) {
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        model.addAttribute("store", store);
        model.addAttribute("followers", follows.followerCount(store.id()));
        model.addAttribute("following", user != null && follows.isFollowing(user.id(), store.id()));
        model.addAttribute("own", user != null && store.ownerId().equals(user.id()));
        return "social/follow-button";
    }

    @PostMapping("/stores/{slug}/follow")
    String follow(@PathVariable String slug, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        Flash.attempt(redirect, "follow.done", () -> follows.follow(user.account(), store.id()));
        return "redirect:/stores/" + slug;
    }

    @PostMapping("/stores/{slug}/unfollow")
    String unfollow(@PathVariable String slug, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        follows.unfollow(user.account(), store.id());
        Flash.success(redirect, "follow.undone");
        return "redirect:/stores/" + slug;
    }

    @GetMapping("/following")
    String following(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("stores", follows.following(user.id()));
        return "social/following";
    }
}
