package app.flowmarket.account.web;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.platform.Flash;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.platform.Principals;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SettingsController {

    private final AccountManagement accounts;
    private final MessageSource messages;

    SettingsController(AccountManagement accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        CurrentUser fresh = accounts.find(user.id()).orElse(user);
        model.addAttribute("displayName", fresh.displayName());
        model.addAttribute("errors", FormErrors.none());
        return "account/settings";
    }

    @PostMapping("/settings/profile")
    String profile(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String displayName,
                   Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        try {
            CurrentUser updated = accounts.updateProfile(user.id(), displayName);
            Principals.refresh(updated, request, response);
            Flash.success(redirect, "settings.profile.saved");
            return "redirect:/settings";
        } catch (DomainException e) {
            model.addAttribute("displayName", displayName);
            model.addAttribute("errors", FormErrors.none().add("displayName", text(e)));
            return "account/settings";
        }
    }

    @PostMapping("/settings/password")
    String password(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String currentPassword,
                    @RequestParam(defaultValue = "") String newPassword, Model model, RedirectAttributes redirect) {
        try {
            accounts.changePassword(user.id(), currentPassword, newPassword);
            Flash.success(redirect, "settings.password.saved");
            return "redirect:/settings";
        } catch (DomainException e) {
            model.addAttribute("displayName", user.displayName());
            String field = e.messageKey().equals("password.current.wrong") ? "currentPassword" : "newPassword";
            model.addAttribute("errors", FormErrors.none().add(field, text(e)));
            return "account/settings";
        }
    }

    private String text(DomainException e) {
        return FormErrors.text(e, messages);
    }
}
