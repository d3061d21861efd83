package app.flowmarket.notification.web;

import java.util.Map;
import java.util.UUID;

import app.flowmarket.notification.NotificationCenter;
import app.flowmarket.notification.NotificationType;
import app.flowmarket.platform.Flash;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.WebInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class NotificationController {

    static final int PAGE_SIZE = 20;

    private final NotificationCenter center;
    private final NotificationStreams streams;

    NotificationController(NotificationCenter center, NotificationStreams streams) {
        this.center = center;
        this.streams = streams;
    }

    @GetMapping("/notifications")
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String page, Model model) {
        int number = WebInput.page(page);
        model.addAttribute("notifications", center.page(user.id(), number, PAGE_SIZE));
        return "notification/list";
    }

    /** The bell's latest notifications, for its dropdown. */
    @GetMapping("/notifications/latest")
    String latest(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("notifications", center.page(user.id(), 1, 5));
        return "notification/latest";
    }

    @GetMapping(value = "/notifications/stream", produces = "text/event-stream")
    SseEmitter stream(@AuthenticationPrincipal CurrentUser user) {
        return streams.open(user.id(), center.unread(user.id()));
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam(defaultValue = "/notifications") String next) {
        String target = WebInput.localPath(next, "/notifications");
        center.markRead(user.id(), id);
        return "redirect:" + target;
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        center.markAllRead(user.id());
        Flash.success(redirect, "notifications.all-read");
        return "redirect:/notifications";
    }

    @GetMapping("/settings/notifications")
    String preferences(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("preferences", center.preferences(user.id()));
        model.addAttribute("types", NotificationType.relevantTo(user.isSeller()));
        model.addAttribute("channels", NotificationType.Channel.values());
        return "notification/preferences";
    }

    @PostMapping("/settings/notifications")
    String savePreferences(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        // only what the page showed: a buyer's hidden seller rows keep their settings for the day they open a store
        for (NotificationType type : NotificationType.relevantTo(user.isSeller())) {
            for (NotificationType.Channel channel : NotificationType.Channel.values()) {
                if (!type.offers(channel)) {
                    continue;
                }
                center.setPreference(user.id(), type, channel, form.containsKey(type.name() + ":" + channel.name()));
            }
        }
        Flash.success(redirect, "notifications.preferences.saved");
        return "redirect:/settings/notifications";
    }

    /** From the link in a notification e-mail: asks before changing anything (link scanners follow links). */
    @GetMapping("/notifications/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("done", null);
        return "notification/unsubscribe";
    }

    /** Also the RFC 8058 one-click target: the signed token authorises, there is no session or CSRF token. */
    @PostMapping("/notifications/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("done", center.unsubscribe(token));
        return "notification/unsubscribe";
    }
}
