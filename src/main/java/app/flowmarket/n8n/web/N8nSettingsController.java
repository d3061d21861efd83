package app.flowmarket.n8n.web;

import java.util.UUID;

import app.flowmarket.n8n.N8nTokens;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → n8n: the addresses (tokens) that let the person's own n8n browse their library. A new address is shown on the
 * page that made it, once, and never again (only its hash is kept), so it is not sent through a redirect.
 */
@Controller
class N8nSettingsController {

    private final N8nTokens tokens;

    N8nSettingsController(N8nTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/settings/n8n")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(user, model, null, null);
    }

    @PostMapping("/settings/n8n/tokens")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name, Model model) {
        try {
            N8nTokens.Created created = tokens.create(user.id(), user.email(), name);
            return show(user, model, created, null);
        } catch (DomainException e) {
            return show(user, model, null, e);
        }
    }

    @PostMapping("/settings/n8n/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(user.id(), user.email(), id);
        Flash.success(redirect, "n8n.token.revoked");
        return "redirect:/settings/n8n";
    }

    private String show(CurrentUser user, Model model, N8nTokens.@Nullable Created created, @Nullable DomainException error) {
        model.addAttribute("tokens", tokens.active(user.id()));
        model.addAttribute("created", created);
        model.addAttribute("error", error);
        return "n8n/settings";
    }
}
