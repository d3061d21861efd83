package app.flowmarket.platform;

import java.util.Locale;

import app.flowmarket.shared.DomainException;
import app.flowmarket.shared.WebInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The currency chooser of the footer and the settings page: remembers the choice, then back to the page it was made on. */
@Controller
class CurrencyController {

    private final DisplayCurrency displayCurrency;

    CurrencyController(DisplayCurrency displayCurrency) {
        this.displayCurrency = displayCurrency;
    }

    @PostMapping("/currency")
    String choose(@RequestParam(defaultValue = "") String currency, @RequestParam(required = false) @Nullable String back,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        String target = WebInput.localPath(back, "/");
        Locale locale = RequestContextUtils.getLocale(request);
        displayCurrency.choose(currency, request, response).ifPresentOrElse(
                chosen -> Flash.success(redirect, "currency.chosen", chosen.getDisplayName(locale)),
                () -> Flash.error(redirect, new DomainException("currency.unknown")));
        return "redirect:" + target;
    }
}
