package app.flowmarket.newsletter.web;

import java.nio.charset.StandardCharsets;

import app.flowmarket.newsletter.Newsletter;
import app.flowmarket.security.RateLimits;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class NewsletterController {

    private final Newsletter newsletter;
    private final RateLimits limits;
    private final RateLimits.Limit signUps;

    NewsletterController(Newsletter newsletter, RateLimits limits,
                         @org.springframework.beans.factory.annotation.Value("${flowmarket.newsletter.signups-per-address-per-hour:20}") int perAddressPerHour) {
        this.newsletter = newsletter;
        this.limits = limits;
        this.signUps = new RateLimits.Limit("newsletter", perAddressPerHour, java.time.Duration.ofHours(1));
    }

    @PostMapping("/newsletter")
    String subscribe(@RequestParam(defaultValue = "") String email, jakarta.servlet.http.HttpServletRequest request, Model model) {
        if (!limits.take(signUps, String.valueOf(request.getRemoteAddr())).allowed()) {
            model.addAttribute("state", "throttled");
            return "newsletter/result";
        }
        try {
            newsletter.subscribe(email);
            model.addAttribute("state", "sent");
        } catch (DomainException e) {
            model.addAttribute("state", "invalid");
        }
        return "newsletter/result";
    }

    @GetMapping("/newsletter/confirm")
    String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
        var unsubscribeToken = newsletter.confirm(token);
        model.addAttribute("state", unsubscribeToken.isPresent() ? "confirmed" : "bad-link");
        model.addAttribute("unsubscribeUrl", unsubscribeToken.map(newsletter::unsubscribeUrl).orElse(null));
        return "newsletter/result";
    }

    /** The link in a mail shows a button: link scanners that prefetch URLs must not unsubscribe anyone. */
    @GetMapping("/newsletter/unsubscribe")
    String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("state", "unsubscribe");
        model.addAttribute("token", token);
        return "newsletter/result";
    }

    /** Also the RFC 8058 one-click target (List-Unsubscribe-Post), which carries no CSRF token: the token authorises. */
    @PostMapping("/newsletter/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("state", newsletter.unsubscribe(token) ? "unsubscribed" : "bad-link");
        return "newsletter/result";
    }

    @GetMapping("/admin/newsletter")
    String admin(Model model) {
        model.addAttribute("counts", newsletter.counts());
        return "newsletter/admin";
    }

    @GetMapping(value = "/admin/newsletter/subscribers.csv")
    @ResponseBody
    ResponseEntity<String> export(@AuthenticationPrincipal CurrentUser admin) {
        var rows = newsletter.confirmed();
        StringBuilder csv = new StringBuilder("email,confirmed_at\r\n");
        for (var row : rows) {
            csv.append(csvCell(row.email())).append(',').append(row.confirmedAt()).append("\r\n");
        }
        newsletter.recordExport(admin.id(), admin.email(), rows.size());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("newsletter-subscribers.csv").build().toString())
                .body(csv.toString());
    }

    /** Quotes a cell and defuses spreadsheet formulas (CSV injection). */
    static String csvCell(String value) {
        String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
