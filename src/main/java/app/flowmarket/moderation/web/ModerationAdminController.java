package app.flowmarket.moderation.web;

import java.util.UUID;

import app.flowmarket.moderation.ModerationQueue;
import app.flowmarket.moderation.ModerationRules;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
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

/** The moderation queue: what the rules flagged, with their evidence; admins approve or reject it with a reason. */
@Controller
class ModerationAdminController {

    private final ModerationQueue queue;
    private final ModerationRules rules;

    ModerationAdminController(ModerationQueue queue, ModerationRules rules) {
        this.queue = queue;
        this.rules = rules;
    }

    /** The queue; {@code content} (a listing's, review's… id, as the held listing's page links here) narrows it to that one. */
    @GetMapping("/admin/moderation")
    String queue(@RequestParam(required = false) @Nullable String content, Model model) {
        UUID only = parsed(content);
        model.addAttribute("open", queue.openEntries().stream().filter(e -> only == null || e.item().contentId().equals(only)).toList());
        model.addAttribute("decided", queue.recentlyDecided().stream().filter(i -> only == null || i.contentId().equals(only)).toList());
        model.addAttribute("narrowed", only != null);
        return "moderation/admin";
    }

    private static @Nullable UUID parsed(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/admin/moderation/{id}")
    String decide(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID id, @RequestParam(required = false) @Nullable String decision,
                  @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        ModerationQueue.Decision chosen;
        try {
            chosen = ModerationQueue.Decision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            Flash.error(redirect, new DomainException("moderation.decision.invalid"));
            return "redirect:/admin/moderation";
        }
        Flash.attempt(redirect, "moderation.decided." + chosen.name().toLowerCase(java.util.Locale.ROOT),
                () -> queue.decide(id, chosen, reason, admin.id(), admin.email()));
        return "redirect:/admin/moderation";
    }

    @GetMapping("/admin/moderation/rules")
    String rules(Model model) {
        model.addAttribute("rules", java.util.List.copyOf(rules.all().values()));
        return "moderation/rules";
    }

    /** One rule's outcome (and threshold, for the rules that have one), changed by an admin and audited. */
    @PostMapping("/admin/moderation/rules/{rule}")
    String changeRule(@AuthenticationPrincipal CurrentUser admin, @PathVariable String rule, @RequestParam(defaultValue = "") String outcome,
                      @RequestParam(required = false) @Nullable String threshold, RedirectAttributes redirect) {
        ModerationRules.Outcome chosen;
        Integer value;
        try {
            chosen = ModerationRules.Outcome.valueOf(outcome);
            value = threshold == null || threshold.isBlank() ? null : Integer.valueOf(threshold.strip());
        } catch (IllegalArgumentException e) {
            Flash.error(redirect, new DomainException("moderation.rules.invalid"));
            return "redirect:/admin/moderation/rules";
        }
        Flash.attempt(redirect, "moderation.rules.saved", () -> rules.change(rule, chosen, value, admin.id(), admin.email()));
        return "redirect:/admin/moderation/rules";
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage moderationAdminPage() {
            return AreaPage.admin("/admin/moderation", "moderation.admin.title", "admin.page.moderation", 15);
        }
    }
}
