package app.flowmarket.social.web;

import java.util.List;
import java.util.UUID;

import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.social.Profiles;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Public buyer profiles, and the settings page where their owners open, fill and close them. */
@Controller
class ProfileController {

    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    /** A private, unknown or deleted profile answers the same "not public" page: it says nothing about the person. */
    @GetMapping("/u/{handle}")
    String profile(@PathVariable String handle, HttpServletResponse response, Model model) {
        var page = profiles.page(handle);
        if (page.isEmpty()) {
            response.setStatus(404);
            return "social/profile-hidden";
        }
        model.addAttribute("page", page.get());
        return "social/profile";
    }

    @GetMapping("/settings/public-profile")
    String settings(@AuthenticationPrincipal CurrentUser owner, Model model) {
        return form(owner, profiles.settings(owner.account(), owner.displayName()), null, model);
    }

    @PostMapping("/settings/public-profile")
    String save(@AuthenticationPrincipal CurrentUser owner, @RequestParam(defaultValue = "") String handle,
                @RequestParam(defaultValue = "") String bio, @RequestParam(defaultValue = "false") boolean visible,
                @RequestParam(defaultValue = "false") boolean showPurchases, @RequestParam(defaultValue = "false") boolean showFollowing,
                @RequestParam(name = "shown", required = false) @Nullable List<UUID> shown, RedirectAttributes redirect,
                HttpServletResponse response, Model model) {
        List<UUID> picked = shown == null ? List.of() : shown;
        try {
            profiles.save(owner.account(), handle, bio, visible, showPurchases, showFollowing, picked);
        } catch (DomainException e) {
            response.setStatus(422);
            var typed = new Profiles.ProfileSettings(handle, bio, visible, showPurchases, showFollowing, java.util.Set.copyOf(picked));
            return form(owner, typed, e, model);
        }
        Flash.success(redirect, visible ? "profile.saved.public" : "profile.saved.private");
        return "redirect:/settings/public-profile";
    }

    private String form(CurrentUser owner, Profiles.ProfileSettings settings, @Nullable DomainException error, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("purchases", profiles.purchases(owner.account()));
        model.addAttribute("error", error);
        return "social/profile-settings";
    }
}
