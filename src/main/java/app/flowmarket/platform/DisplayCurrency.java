package app.flowmarket.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import app.flowmarket.currency.Currencies;
import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The currency a person sees prices in: the one they chose on this browser (a cookie, kept a year), else
 * the one stored on their account, else a guess from the browser's languages and countries
 * (Accept-Language), else the configured fallback. Choosing one while signed in stores it on the account,
 * and signing in puts the stored one back into the cookie, so a person sees their currency on every device.
 * Like the language (decision 7), it needs no server-side session.
 */
@Component
public class DisplayCurrency {

    static final String COOKIE = "flowmarket-currency";
    private static final String ATTRIBUTE = DisplayCurrency.class.getName();
    private static final Duration KEPT = Duration.ofDays(365);

    private final Currencies currencies;
    private final ApplicationEventPublisher events;

    DisplayCurrency(Currencies currencies, ApplicationEventPublisher events) {
        this.currencies = currencies;
        this.events = events;
    }

    /** The request's display currency (worked out once per request). */
    public Currency of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof Currency currency) {
            return currency;
        }
        Currency currency = cookie(request).flatMap(currencies::displayable)
                .or(() -> signedIn().map(CurrentUser::currency).flatMap(currencies::displayable))
                .orElseGet(() -> currencies.guess(languages(request)));
        request.setAttribute(ATTRIBUTE, currency);
        return currency;
    }

    /** The currencies a person can choose from. */
    public List<Currency> choices() {
        return currencies.displayable();
    }

    /** Remembers a choice on this browser and, when signed in, on the account; empty when prices cannot be shown in it. */
    public Optional<Currency> choose(String code, HttpServletRequest request, HttpServletResponse response) {
        Optional<Currency> chosen = currencies.displayable(code);
        chosen.ifPresent(currency -> {
            write(currency, request, response);
            signedIn().ifPresent(user -> events.publishEvent(new CurrencyChosen(user.id(), currency.getCurrencyCode())));
        });
        return chosen;
    }

    /**
     * At sign-in, the account's currency (chosen on another device) comes back; an account that has none yet
     * keeps what was chosen on this browser before signing in.
     */
    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof CurrentUser user)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return;
        }
        HttpServletRequest request = attributes.getRequest();
        Optional<Currency> stored = currencies.displayable(user.currency());
        if (stored.isPresent()) {
            request.setAttribute(ATTRIBUTE, stored.get());
            if (attributes.getResponse() != null && !stored.get().getCurrencyCode().equals(cookie(request).orElse(null))) {
                write(stored.get(), request, attributes.getResponse());
            }
        } else {
            cookie(request).flatMap(currencies::displayable)
                    .ifPresent(currency -> events.publishEvent(new CurrencyChosen(user.id(), currency.getCurrencyCode())));
        }
    }

    private static void write(Currency currency, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, currency);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, currency.getCurrencyCode())
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(KEPT).build().toString());
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    private static Optional<CurrentUser> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }

    /** The browser's languages, best first; none when it sent no Accept-Language (the servlet would answer the server's own). */
    private static List<Locale> languages(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? List.of() : Collections.list(request.getLocales());
    }
}
