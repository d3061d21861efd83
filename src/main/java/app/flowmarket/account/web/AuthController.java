package app.flowmarket.account.web;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AuthController {

    private final AccountManagement accounts;
    private final MessageSource messages;

    AuthController(AccountManagement accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String error,
                 @RequestParam(required = false) String throttled, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("throttled", throttled != null);
        return "account/login";
    }

    @GetMapping("/signup")
    String signUpForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("form", SignUpFormData.empty());
        model.addAttribute("errors", FormErrors.none());
        return "account/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUpFormData form, BindingResult binding, Model model) {
        FormErrors errors = FormErrors.from(binding, messages);
        if (!errors.any()) {
            try {
                accounts.signUp(form.toParameters());
                model.addAttribute("email", form.email());
                return "account/signup-done";
            } catch (DomainException e) {
                errors.add(e.messageKey().startsWith("password") ? "password" : "email", text(e));
            }
        }
        model.addAttribute("form", new SignUpFormData(form.displayName(), form.email(), ""));
        model.addAttribute("errors", errors);
        return "account/signup";
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("verified", accounts.verifyEmail(token));
        return "account/verified";
    }

    @PostMapping("/verify-email/resend")
    String resend(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        accounts.resendVerification(user.id());
        redirect.addFlashAttribute("flash", "account.verify.resent");
        return "redirect:/settings";
    }

    @GetMapping("/forgot-password")
    String forgotForm(Model model) {
        model.addAttribute("sent", false);
        return "account/forgot-password";
    }

    @PostMapping("/forgot-password")
    String forgot(@RequestParam(defaultValue = "") String email, Model model) {
        accounts.requestPasswordReset(email);
        model.addAttribute("sent", true);
        return "account/forgot-password";
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        model.addAttribute("usable", accounts.isResetTokenUsable(token));
        model.addAttribute("errors", FormErrors.none());
        return "account/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                 Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(token, password);
            redirect.addFlashAttribute("flash", "password.reset.done");
            return "redirect:/login";
        } catch (DomainException e) {
            model.addAttribute("token", token);
            model.addAttribute("usable", accounts.isResetTokenUsable(token));
            model.addAttribute("errors", FormErrors.none().add("password", text(e)));
            return "account/reset-password";
        }
    }

    private String text(DomainException e) {
        return FormErrors.text(e, messages);
    }
}
