package app.flowmarket.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.Money;
import app.flowmarket.shared.PriceOffers;
import app.flowmarket.shared.Theme;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page template needs from the request: translated messages, the signed-in user,
 * the CSRF token, flash messages and URL helpers. Added to every model as {@code ui}.
 */
public final class Ui {

    private final HttpServletRequest request;
    private final MessageSource messages;
    private final Locale locale;
    private final StaticAssets assets;
    private final UiSupport support;

    Ui(HttpServletRequest request, UiSupport support) {
        this.request = request;
        this.support = support;
        this.messages = support.messages;
        this.assets = support.assets;
        this.locale = RequestContextUtils.getLocale(request);
    }

    /** The translated message for a key. A missing key shows as the key (and fails the i18n test). */
    public String t(String key, Object... args) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** A static file's content-hashed URL, cached by browsers for a year. */
    public String asset(String path) {
        return assets.url(path);
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public @Nullable CurrentUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? user : null;
    }

    /** One or two letters for the signed-in person's avatar: their name's initials. */
    public String initials() {
        CurrentUser user = user();
        if (user == null || user.displayName() == null || user.displayName().isBlank()) {
            return "?";
        }
        String[] words = user.displayName().strip().split("\\s+");
        StringBuilder letters = new StringBuilder().appendCodePoint(words[0].codePointAt(0));
        if (words.length > 1) {
            letters.appendCodePoint(words[words.length - 1].codePointAt(0));
        }
        return letters.toString().toUpperCase(locale);
    }

    public boolean signedIn() {
        return user() != null;
    }

    public String csrfParameter() {
        CsrfToken token = csrf();
        return token == null ? "_csrf" : token.getParameterName();
    }

    public String csrfToken() {
        CsrfToken token = csrf();
        return token == null ? "" : token.getToken();
    }

    /** JSON for htmx's hx-headers, so htmx requests carry the CSRF token. */
    public String csrfHeaders() {
        CsrfToken token = csrf();
        return token == null ? "{}" : "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
    }

    private CsrfToken csrf() {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    /** The confirmation left by the previous request's redirect, translated, or null. */
    public @Nullable String flash() {
        return flashText(Flash.SUCCESS);
    }

    /** The error left by the previous request's redirect (a rule that said no), translated, or null. */
    public @Nullable String flashError() {
        return flashText(Flash.ERROR);
    }

    private @Nullable String flashText(String kind) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object value = flash == null ? null : flash.get(kind);
        if (value instanceof Flash.Message message) {
            return t(message.key(), message.args().toArray());
        }
        return value instanceof String key ? t(key) : null;
    }

    /** The seller's or admin's pages when this page belongs to one of those areas (their navigation), else none. */
    public List<AreaPage> areaNav() {
        String path = path();
        for (AreaPage.Area area : AreaPage.Area.values()) {
            if (path.equals(area.home()) || path.startsWith(area.home() + "/")) {
                return support.pagesOf(area);
            }
        }
        return List.of();
    }

    /** Whether a link of the area's navigation is the page shown (its own path, or a page below it). */
    public boolean isCurrent(AreaPage page) {
        String path = path();
        return path.equals(page.path()) || (!page.path().equals(page.area().home()) && path.startsWith(page.path() + "/"));
    }

    /** The sign-in page, bringing the person back to this page afterwards. */
    public String loginUrl() {
        String path = path();
        if (!"GET".equals(request.getMethod()) || path.equals("/") || path.startsWith("/login") || path.startsWith("/signup")
                || path.startsWith("/error")) {
            return "/login";
        }
        String here = here();
        return "/login?next=" + java.net.URLEncoder.encode(here, StandardCharsets.UTF_8);
    }

    public String path() {
        return request.getRequestURI();
    }

    /** Plain text from Markdown, cut at a word to at most {@code max} characters: for meta descriptions. */
    public String excerpt(@org.jspecify.annotations.Nullable String markdown, int max) {
        if (markdown == null) {
            return "";
        }
        String plain = markdown.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[*_#>`~|]+", "").replaceAll("\\s+", " ").strip();
        if (plain.length() <= max) {
            return plain;
        }
        int cut = plain.lastIndexOf(' ', max - 1);
        return plain.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[\\s,.;:-]+$", "") + "…";
    }

    /** A language version of a page, for search engines ({@code <link rel="alternate" hreflang>}). */
    public record Alternate(String hreflang, String url) {
    }

    /** Query parameters that say where a visitor came from, not what the page shows: never part of a page's address. */
    private static final java.util.Set<String> NOT_THE_PAGE = java.util.Set.of("lang", "ref", "utm_source", "utm_medium",
            "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid");

    /**
     * This page's address in one language: the path, the parameters that choose what it shows, and {@code lang}
     * (each language version is its own address). Null for the default version without {@code lang}.
     */
    public String pageUrl(@org.jspecify.annotations.Nullable String language) {
        StringBuilder query = new StringBuilder();
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                int equals = pair.indexOf('=');
                String name;
                String value;
                try {
                    name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    continue; // a broken escape names nothing the page shows
                }
                if (name.isEmpty() || NOT_THE_PAGE.contains(name) || ("page".equals(name) && "1".equals(value))) {
                    continue;
                }
                query.append(query.isEmpty() ? "" : "&").append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (language != null) {
            query.append(query.isEmpty() ? "" : "&").append("lang=").append(language);
        }
        return absoluteUrl(path() + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * The address search engines should file this page under: its own. A page asked for in a language ({@code ?lang=})
     * is that language's version; one asked for without is the {@code x-default} version, which speaks the visitor's
     * language (pointing it at one language's version would make it a duplicate of an alternate).
     */
    public String canonicalUrl() {
        return pageUrl(askedInALanguage() ? lang() : null);
    }

    /**
     * Whether the address names a language ({@code ?lang=}). Read from the query string alone: asking for the request's
     * parameters would parse its body, which fails on a body refused for its size (the error page still renders).
     */
    private boolean askedInALanguage() {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals("lang") || pair.startsWith("lang=")) {
                return true;
            }
        }
        return false;
    }

    /** The page in each language of the site, and the default (the visitor's own language) as {@code x-default}. */
    public List<Alternate> alternates() {
        List<Alternate> all = new java.util.ArrayList<>();
        for (Locale language : WebConfig.SUPPORTED) {
            all.add(new Alternate(language.getLanguage(), pageUrl(language.getLanguage())));
        }
        all.add(new Alternate("x-default", pageUrl(null)));
        return all;
    }

    /**
     * The absolute URL of a path of this site, for links that leave it (shares, canonical and Open Graph tags):
     * the configured public address in production, the address this request came to on a development machine.
     */
    public String absoluteUrl(String path) {
        String local = path.startsWith("/") ? path : "/" + path;
        if (support.site.isProduction()) {
            return support.site.url(local);
        }
        return UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getServerName())
                .port(request.getServerPort()).build().toUriString() + local;
    }

    /** Where a form on this page comes back to: this page's path and query, for a GET; else the home page. */
    public String here() {
        if (!"GET".equals(request.getMethod()) || path().startsWith("/error")) {
            return "/";
        }
        String here = request.getQueryString() == null ? path() : path() + "?" + request.getQueryString();
        return here.length() > 2000 ? path() : here;
    }

    /**
     * The theme to paint this page in: the browser's choice (cookie), else the signed-in person's, else the system's.
     * Read on the server so that the page's first paint is already in the right colours.
     */
    public Theme theme() {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie cookie : cookies) {
                if (Theme.COOKIE.equals(cookie.getName())) {
                    var chosen = Theme.parse(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        CurrentUser user = user();
        return user != null && user.theme() != null ? user.theme() : Theme.SYSTEM;
    }

    public boolean isHtmx() {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The current URL with one query parameter replaced (or removed when value is null); page resets to 1. */
    public String withParam(String name, Object value) {
        return currentUrl(java.util.Set.of(name, "page", "_csrf"), name, value);
    }

    /** The current URL at another page of its list. */
    public String pageUrl(int page) {
        return currentUrl(java.util.Set.of("page"), "page", page);
    }

    /**
     * Links are built from the page's own query string only, never from a submitted form: a page shown
     * after a POST (a failed password change) must not copy its fields into a URL.
     */
    private String currentUrl(java.util.Set<String> dropped, String name, Object value) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getRequestURI());
        queryParams().forEach((key, values) -> {
            if (!dropped.contains(key)) {
                builder.queryParam(key, values.toArray());
            }
        });
        if (value != null && !value.toString().isEmpty()) {
            builder.queryParam(name, value);
        }
        return builder.encode().build().toUriString();
    }

    /** A parameter of the page's URL (never a field of a submitted form), or "". */
    public String param(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private MultiValueMap<String, String> queryParams() {
        String query = request.getQueryString();
        MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
        if (query == null || query.isEmpty()) {
            return decoded;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            decoded.add(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return decoded;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return part;
        }
    }

    public String money(Money money) {
        return money.isFree() ? t("price.free") : money.format(locale);
    }

    /** The currency this person sees prices in (chosen, stored on the account, or guessed from the browser). */
    public Currency currency() {
        return support.displayCurrency.of(request);
    }

    /** The currencies prices can be shown in, for the chooser. */
    public List<Currency> currencies() {
        return support.displayCurrency.choices();
    }

    /** A currency's name in the page's language ("US dollar", "dollar des États-Unis"). */
    public String currencyName(Currency currency) {
        return currency.getDisplayName(locale);
    }

    /**
     * A price in this person's currency at the day's reference rates, or null when it is shown as it is:
     * free, already in their currency, or no rate for it.
     */
    public @Nullable Money converted(@Nullable Money price) {
        if (price == null || price.isFree() || price.currency().equals(currency())) {
            return null;
        }
        return support.converter.convert(price, currency()).orElse(null);
    }

    /** The workflow's price under a promotion running now, or null when none is. */
    /** What a buyer pays for the workflow now: its promoted price while a promotion runs, else its list price. */
    public Money priceNow(java.util.UUID workflowId, Money listPrice) {
        PriceOffers.Offer offer = offer(workflowId, listPrice);
        return offer == null ? listPrice : offer.price();
    }

    public PriceOffers.@Nullable Offer offer(java.util.@Nullable UUID workflowId, @Nullable Money price) {
        return price == null || workflowId == null ? null : support.offers.offer(workflowId, price, Instant.now()).orElse(null);
    }

    /** How long until {@code end}, in whole minutes, hours and days: "2 d 5 h", "3 h 20 min", "7 min". */
    public String timeLeft(Instant end) {
        long minutes = Math.max(1, java.time.Duration.between(Instant.now(), end).toMinutes());
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        if (days > 0) {
            return t("promotion.left.days", days, hours);
        }
        return hours > 0 ? t("promotion.left.hours", hours, minutes % 60) : t("promotion.left.minutes", minutes);
    }

    /** The day of the reference rates prices are converted at. */
    public String ratesDate() {
        return date(support.converter.ratesDate());
    }

    /** An exchange rate as people read it: up to six decimals, in their number format. */
    public String rate(BigDecimal rate) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        return format.format(rate);
    }

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(instant.atZone(ZoneOffset.UTC));
    }

    /** An IP address as people write it (IPv6 shortened: the loopback is {@code ::1}). */
    public String address(@org.jspecify.annotations.Nullable String ip) {
        return IpAddresses.display(ip);
    }

    /** Day and time in UTC, the zone the site's dates are in. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    public String date(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    public String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
