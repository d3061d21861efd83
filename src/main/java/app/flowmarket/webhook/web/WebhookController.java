package app.flowmarket.webhook.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.platform.Flash;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import app.flowmarket.webhook.WebhookEvent;
import app.flowmarket.webhook.Webhooks;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Webhooks: a seller's endpoints, their secrets and delivery logs. */
@Controller
class WebhookController {

    private final Webhooks webhooks;
    private final MessageSource messages;

    WebhookController(Webhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    @GetMapping("/settings/webhooks")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(user, model, "", "", Set.of(WebhookEvent.ORDER_PAID), FormErrors.none());
    }

    @PostMapping("/settings/webhooks")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String url,
                  @RequestParam(defaultValue = "") String description, @RequestParam(required = false) @Nullable List<String> events,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Set<WebhookEvent> chosen = EnumSet.noneOf(WebhookEvent.class);
        if (events != null) {
            events.stream().map(WebhookEvent::of).flatMap(java.util.Optional::stream).forEach(chosen::add);
        }
        try {
            UUID id = webhooks.create(user.id(), url, chosen, description);
            Flash.success(redirect, "webhooks.created");
            return "redirect:/settings/webhooks/" + id;
        } catch (DomainException e) {
            response.setStatus(422);
            String field = e.messageKey().startsWith("webhooks.url") ? "url" : e.messageKey().contains("events") ? "events" : "description";
            return show(user, model, url, description, chosen, FormErrors.none().add(field, FormErrors.text(e, messages)));
        }
    }

    @GetMapping("/settings/webhooks/{id}")
    String endpoint(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("endpoint", webhooks.endpoint(user.id(), id));
        model.addAttribute("secret", webhooks.secret(user.id(), id));
        model.addAttribute("deliveries", webhooks.deliveries(user.id(), id));
        return "webhook/endpoint";
    }

    @PostMapping("/settings/webhooks/{id}/test")
    String test(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.sendTest(user.id(), id);
        Flash.success(redirect, "webhooks.test-queued");
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/rotate")
    String rotate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.rotateSecret(user.id(), id);
        Flash.success(redirect, "webhooks.rotated");
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/enable")
    String enable(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.enable(user.id(), id);
        Flash.success(redirect, "webhooks.enabled");
        return "redirect:/settings/webhooks/" + id;
    }

    @PostMapping("/settings/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.delete(user.id(), id);
        Flash.success(redirect, "webhooks.deleted");
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/settings/webhooks/{id}/deliveries/{delivery}/redeliver")
    String redeliver(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID delivery, RedirectAttributes redirect) {
        webhooks.redeliver(user.id(), delivery);
        Flash.success(redirect, "webhooks.redelivery-queued");
        return "redirect:/settings/webhooks/" + id;
    }

    private String show(CurrentUser user, Model model, String url, String description, Set<WebhookEvent> chosen, FormErrors errors) {
        model.addAttribute("endpoints", webhooks.of(user.id()));
        model.addAttribute("url", url);
        model.addAttribute("description", description);
        model.addAttribute("chosen", chosen);
        model.addAttribute("events", List.of(WebhookEvent.values()));
        model.addAttribute("errors", errors);
        return "webhook/webhooks";
    }
}
