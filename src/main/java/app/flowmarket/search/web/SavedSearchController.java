package app.flowmarket.search.web;

import java.util.UUID;

import app.flowmarket.platform.Flash;
import app.flowmarket.search.SavedSearches;
import app.flowmarket.search.SearchQuery;
import app.flowmarket.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's saved searches: save one from the results page, change how often it alerts, pause, delete. */
@Controller
class SavedSearchController {

    private final SavedSearches savedSearches;

    SavedSearchController(SavedSearches savedSearches) {
        this.savedSearches = savedSearches;
    }

    @GetMapping("/saved-searches")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("searches", savedSearches.list(user.id()));
        model.addAttribute("frequencies", SavedSearches.Frequency.values());
        return "search/saved";
    }

    @PostMapping("/saved-searches")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String filters,
                @RequestParam(defaultValue = "") String frequency, RedirectAttributes redirect) {
        Flash.attempt(redirect, "saved-search.saved", () -> savedSearches.save(user.id(), name, SearchQuery.parse(q, filters), frequency));
        return "redirect:/saved-searches";
    }

    @PostMapping("/saved-searches/{id}/frequency")
    String frequency(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "") String frequency,
                     RedirectAttributes redirect) {
        Flash.attempt(redirect, "saved-search.updated", () -> savedSearches.changeFrequency(user.id(), id, frequency));
        return "redirect:/saved-searches";
    }

    @PostMapping("/saved-searches/{id}/active")
    String active(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean active,
                  RedirectAttributes redirect) {
        savedSearches.setActive(user.id(), id, active);
        Flash.success(redirect, active ? "saved-search.resumed" : "saved-search.paused");
        return "redirect:/saved-searches";
    }

    @PostMapping("/saved-searches/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        savedSearches.delete(user.id(), id);
        Flash.success(redirect, "saved-search.deleted");
        return "redirect:/saved-searches";
    }

    /** The link in every alert mail: asks first (mail scanners follow links), then stops that saved search's alerts. */
    @GetMapping("/saved-searches/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("name", null);
        model.addAttribute("done", null);
        return "search/unsubscribe";
    }

    /** Also the target of one-click List-Unsubscribe (RFC 8058), which carries no CSRF token. */
    @PostMapping("/saved-searches/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        var name = savedSearches.unsubscribe(token);
        model.addAttribute("token", token);
        model.addAttribute("name", name.orElse(null));
        model.addAttribute("done", name.isPresent());
        return "search/unsubscribe";
    }
}
