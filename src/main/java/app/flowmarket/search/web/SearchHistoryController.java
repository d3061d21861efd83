package app.flowmarket.search.web;

import app.flowmarket.platform.Flash;
import app.flowmarket.search.SearchHistory;
import app.flowmarket.shared.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SearchHistoryController {

    private final SearchHistory history;

    SearchHistoryController(SearchHistory history) {
        this.history = history;
    }

    @GetMapping("/search/history")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("entries", history.recent(user.id(), 20));
        model.addAttribute("enabled", history.isEnabled(user.id()));
        return "search/history";
    }

    @PostMapping("/search/history/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String key,
                  @RequestParam(defaultValue = "/search/history") String back) {
        history.remove(user.id(), key);
        return "redirect:" + ("/workflows".equals(back) ? "/workflows" : "/search/history");
    }

    @PostMapping("/search/history/clear")
    String clear(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        history.clear(user.id());
        Flash.success(redirect, "search.history.cleared");
        return "redirect:/search/history";
    }

    @PostMapping("/search/history/setting")
    String setting(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean enabled,
                   RedirectAttributes redirect) {
        history.setEnabled(user.id(), enabled);
        Flash.success(redirect, enabled ? "search.history.on" : "search.history.off");
        return "redirect:/search/history";
    }
}
