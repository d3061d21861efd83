package app.flowmarket.account.web;

import java.time.Duration;
import java.util.regex.Pattern;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.platform.Flash;
import app.flowmarket.platform.FormErrors;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.DomainException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
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

    /** Where every "e-mail me a sign-in link" request ends, whether a link was sent or not. */
    static final String LINK_SENT = "/login/link?sent";
    private static final Pattern ONE_TIME_TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final long LONGEST_WAIT = Duration.ofDays(1).toSeconds();

    private final AccountManagement accounts;
    private final MessageSource messages;

    AuthController(AccountManagement accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String error,
                 @RequestParam(required = false) @Nullable String throttled, @RequestParam(required = false) @Nullable String wait, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("throttled", throttled != null);
        model.addAttribute("waitSeconds", seconds(wait));
        return "account/login";
    }

    /**
     * "E-mail me a sign-in link": the form, the answer after asking ({@code sent}), a used or expired link
     * ({@code invalid}), and where the mailed link lands ({@code token}): a button that posts it, so a mail
     * scanner that opens links cannot spend it.
     */
    @GetMapping("/login/link")
    String signInLink(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String sent,
                      @RequestParam(required = false) @Nullable String invalid, @RequestParam(required = false) @Nullable String token, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        boolean usableToken = token != null && ONE_TIME_TOKEN.matcher(token).matches();
        model.addAttribute("state", sent != null ? "sent" : invalid != null || (token != null && !usableToken) ? "invalid"
                : usableToken ? "token" : "form");
        model.addAttribute("token", usableToken ? token : "");
        return "account/sign-in-link";
    }

    /** Reached only when no link is sent (not an address, or too many asked for): the same answer as when one is. */
    @PostMapping("/login/link")
    String signInLinkNotSent() {
        return "redirect:" + LINK_SENT;
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
    String verify(@RequestParam(required = false) @Nullable String token, Model model) {
        model.addAttribute("verified", accounts.verifyEmail(token));
        return "account/verified";
    }

    @PostMapping("/verify-email/resend")
    String resend(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        accounts.resendVerification(user.id());
        Flash.success(redirect, "account.verify.resent");
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
    String resetForm(@RequestParam(required = false) @Nullable String token, Model model) {
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
            Flash.success(redirect, "password.reset.done");
            return "redirect:/login";
        } catch (DomainException e) {
            model.addAttribute("token", token);
            model.addAttribute("usable", accounts.isResetTokenUsable(token));
            model.addAttribute("errors", FormErrors.none().add("password", text(e)));
            return "account/reset-password";
        }
    }

    /** The wait the throttle asked for, in seconds (0: none); anything else in the address is ignored. */
    private static long seconds(@Nullable String wait) {
        try {
            long seconds = wait == null ? 0 : Long.parseLong(wait);
            return seconds > 0 && seconds <= LONGEST_WAIT ? seconds : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String text(DomainException e) {
        return FormErrors.text(e, messages);
    }
}
