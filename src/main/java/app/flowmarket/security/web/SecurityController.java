package app.flowmarket.security.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import app.flowmarket.security.AccountSecurity;
import app.flowmarket.security.Sessions;
import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Security: the person's signed-in sessions (end one, or all others) and their recent sign-ins. */
@Controller
class SecurityController {

    private final Sessions sessions;
    private final AccountSecurity security;

    SecurityController(Sessions sessions, AccountSecurity security) {
        this.sessions = sessions;
        this.security = security;
    }

    @GetMapping("/settings/security")
    String page(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        return show(user, request, model, false);
    }

    @PostMapping("/settings/security/sessions/end")
    String end(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String session, HttpServletRequest request,
               RedirectAttributes redirect) {
        String current = sessionId(request);
        boolean isCurrent = sessions.of(user.email(), current).stream().anyMatch(s -> s.current() && s.handle().equals(session));
        // this browser signs out with "Sign out"; the list only ends the others
        if (!isCurrent && sessions.end(user.email(), session)) {
            redirect.addFlashAttribute("flash", "security.sessions.ended");
        } else {
            redirect.addFlashAttribute("flashError", "security.sessions.not-found");
        }
        return "redirect:/settings/security";
    }

    @PostMapping("/settings/security/sessions/end-others")
    String endOthers(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String password,
                     HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!security.passwordMatches(user.email(), password)) {
            return show(user, request, model, true);
        }
        int ended = sessions.endAllBut(user.email(), sessionId(request));
        redirect.addFlashAttribute("flash", ended == 0 ? "security.sessions.none-ended" : "security.sessions.others-ended");
        return "redirect:/settings/security";
    }

    /** The "This wasn't me" link of a sign-in alert: a page with a button, so a mail scanner opening links does nothing. */
    @GetMapping("/security/not-me")
    String notMe(@RequestParam(required = false) @Nullable String token, Model model) {
        boolean usable = security.isDisownable(token);
        model.addAttribute("state", usable ? "confirm" : "invalid");
        model.addAttribute("token", usable ? token : "");
        return "security/not-me";
    }

    @PostMapping("/security/not-me")
    String notMeConfirmed(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
        boolean done = security.disown(token);
        if (done) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        model.addAttribute("state", done ? "done" : "invalid");
        model.addAttribute("token", "");
        return "security/not-me";
    }

    private String show(CurrentUser user, HttpServletRequest request, Model model, boolean passwordError) {
        model.addAttribute("sessions", sessions.of(user.email(), sessionId(request)).stream()
                .map(s -> new SecurityView.SessionRow(s, when(s.signedInAt()), when(s.lastActive()))).toList());
        model.addAttribute("signIns", security.history(user.id()).stream()
                .map(s -> new SecurityView.SignInRow(s, when(s.occurredAt()))).toList());
        model.addAttribute("passwordError", passwordError);
        return "security/security";
    }

    private static @Nullable String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    private static String when(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }
}
