package app.flowmarket.notification.web;

import java.util.Map;

import app.flowmarket.notification.NotificationCenter;
import app.flowmarket.shared.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Browser push subscriptions, saved from the service worker's PushSubscription. */
@RestController
class PushController {

    private final NotificationCenter center;

    PushController(NotificationCenter center) {
        this.center = center;
    }

    record SubscriptionJson(@Nullable String endpoint, @Nullable Map<String, String> keys) {
    }

    @GetMapping("/settings/push/key")
    Map<String, String> key() {
        return Map.of("publicKey", center.pushPublicKey());
    }

    @PostMapping("/settings/push/subscriptions")
    ResponseEntity<Map<String, Object>> subscribe(@AuthenticationPrincipal CurrentUser user, @RequestBody SubscriptionJson subscription) {
        try {
            center.subscribePush(user.id(), subscription.endpoint(),
                    subscription.keys() == null ? null : subscription.keys().get("p256dh"),
                    subscription.keys() == null ? null : subscription.keys().get("auth"));
            return ResponseEntity.ok(Map.of("subscribed", true));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid subscription"));
        }
    }

    @PostMapping("/settings/push/unsubscribe")
    Map<String, Object> unsubscribe(@AuthenticationPrincipal CurrentUser user, @RequestBody SubscriptionJson subscription) {
        center.unsubscribePush(user.id(), subscription.endpoint());
        return Map.of("subscribed", false);
    }
}
