package app.flowmarket.platform;

import java.time.Duration;

import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Theme;
import app.flowmarket.shared.WebInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The theme switch in the header and in Settings: a form that works without script (it comes back to
 * the page it was sent from), and that the page's script sends in the background after repainting at once.
 * The choice is a cookie, read when a page is rendered; a signed-in person's choice is also kept on their
 * account, for the other browsers they sign in from.
 */
@Controller
class ThemeController {

    private static final Duration KEPT = Duration.ofDays(365);

    private final ApplicationEventPublisher events;

    ThemeController(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostMapping("/theme")
    ResponseEntity<Void> choose(@RequestParam(required = false) @Nullable String theme,
                                @RequestParam(required = false) @Nullable String back,
                                @RequestHeader(value = "X-Requested-With", required = false) @Nullable String script,
                                @AuthenticationPrincipal @Nullable CurrentUser user,
                                HttpServletRequest request, HttpServletResponse response) {
        Theme chosen = Theme.parse(theme).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.BAD_REQUEST, "theme must be system, light or dark"));
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(chosen, request.isSecure()).toString());
        if (user != null) {
            events.publishEvent(new ThemeChosen(user.id(), chosen));
        }
        if (script != null) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, WebInput.localPath(back, "/")).build();
    }

    static ResponseCookie cookie(Theme theme, boolean secure) {
        return ResponseCookie.from(Theme.COOKIE, theme.value()).path("/").maxAge(KEPT).sameSite("Lax").secure(secure)
                .httpOnly(true).build();
    }
}
