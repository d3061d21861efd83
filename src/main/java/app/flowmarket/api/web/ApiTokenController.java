package app.flowmarket.api.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.api.ApiScope;
import app.flowmarket.api.ApiTokens;
import app.flowmarket.platform.Flash;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
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

/**
 * Settings → API: the person's personal access tokens. A new token is shown on the page that answers its
 * creation, once: it is not redirected to, so it never travels in a flash cookie or lands in the history.
 */
@Controller
class ApiTokenController {

    private final ApiTokens tokens;
    private final MessageSource messages;

    ApiTokenController(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/settings/api")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(user, model, null, "", Set.of(ApiScope.CATALOG_READ), 90, FormErrors.none());
    }

    @PostMapping("/settings/api/tokens")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) @Nullable List<String> scopes, @RequestParam(defaultValue = "90") int expiresInDays,
                  Model model, HttpServletResponse response) {
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        if (scopes != null) {
            scopes.stream().map(ApiScope::of).flatMap(java.util.Optional::stream).forEach(chosen::add);
        }
        try {
            ApiTokens.Created created = tokens.create(user.id(), name, chosen, expiresInDays);
            response.setHeader("Cache-Control", "no-store");
            return show(user, model, created.value(), "", Set.of(ApiScope.CATALOG_READ), 90, FormErrors.none());
        } catch (DomainException e) {
            response.setStatus(422);
            String field = e.messageKey().contains("scopes") ? "scopes" : e.messageKey().contains("expiry") ? "expiresInDays" : "name";
            return show(user, model, null, name, chosen, expiresInDays, FormErrors.none().add(field, FormErrors.text(e, messages)));
        }
    }

    @PostMapping("/settings/api/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (tokens.revoke(user.id(), id)) {
            Flash.success(redirect, "api.tokens.revoked");
        } else {
            Flash.error(redirect, new DomainException("api.tokens.not-found"));
        }
        return "redirect:/settings/api";
    }

    private String show(CurrentUser user, Model model, @Nullable String newToken, String name, Set<ApiScope> scopes, int expiresInDays,
                        FormErrors errors) {
        model.addAttribute("rows", tokens.of(user.id()).stream()
                .map(t -> new TokenRow(t, date(t.createdAt()), t.expiresAt() == null ? null : date(t.expiresAt()),
                        t.lastUsedAt() == null ? null : date(t.lastUsedAt())))
                .toList());
        model.addAttribute("newToken", newToken);
        model.addAttribute("name", name);
        model.addAttribute("chosen", scopes);
        model.addAttribute("scopes", List.of(ApiScope.values()));
        model.addAttribute("expiries", ApiTokens.EXPIRIES);
        model.addAttribute("expiresInDays", expiresInDays);
        model.addAttribute("errors", errors);
        return "api/tokens";
    }

    private static String date(Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(org.springframework.context.i18n.LocaleContextHolder.getLocale())
                .format(instant.atZone(java.time.ZoneOffset.UTC));
    }
}
