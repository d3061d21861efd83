package app.flowmarket.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Flowmarket as an installable app that reads offline: the web app manifest, the service worker
 * (rendered with the content-hashed URLs of the app shell it keeps, so a new release brings a new
 * worker) and the page shown when there is no network. Every response says whose eyes it was made
 * for ({@value #VIEWER} header): the worker forgets the pages it kept when that changes, so a page
 * read by one person is never shown to the next one on the same browser.
 */
@Controller
class InstallableApp {

    static final String VIEWER = "Flowmarket-Viewer";

    /** The app shell: what every page loads, kept by the worker when it installs. */
    static final List<String> SHELL = List.of("/css/app.css", "/js/app.js", "/js/social.js", "/js/pwa.js",
            "/webjars/htmx.org/dist/htmx.min.js", "/webjars/htmx-ext-sse/sse.js", "/img/logo.svg",
            "/img/icons/any-192.png", "/img/icons/maskable-192.png");

    private final StaticAssets assets;
    private final MessageSource messages;
    private final String worker;

    InstallableApp(StaticAssets assets, MessageSource messages) throws IOException {
        this.assets = assets;
        this.messages = messages;
        try (InputStream in = new ClassPathResource("pwa/sw.js").getInputStream()) {
            this.worker = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @GetMapping(value = "/manifest.webmanifest", produces = "application/manifest+json")
    ResponseEntity<Map<String, Object>> manifest(HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("id", "/");
        manifest.put("name", "Flowmarket");
        manifest.put("short_name", "Flowmarket");
        manifest.put("description", messages.getMessage("site.description", null, locale));
        manifest.put("lang", locale.getLanguage());
        manifest.put("start_url", "/");
        manifest.put("scope", "/");
        manifest.put("display", "standalone");
        // the page background and header of the two themes (app.css: --bg and --bg-raised)
        manifest.put("background_color", "#0f1117");
        manifest.put("theme_color", "#171a23");
        manifest.put("categories", List.of("business", "productivity", "shopping"));
        manifest.put("icons", List.of(
                icon("/img/logo.svg", "any", "image/svg+xml", "any"),
                icon("/img/icons/any-192.png", "192x192", "image/png", "any"),
                icon("/img/icons/any-512.png", "512x512", "image/png", "any"),
                icon("/img/icons/maskable-192.png", "192x192", "image/png", "maskable"),
                icon("/img/icons/maskable-512.png", "512x512", "image/png", "maskable")));
        // what the install dialogue shows: the home page on a computer, a workflow page on a phone
        manifest.put("screenshots", List.of(
                screenshot("/img/screenshots/home-wide.jpg", "1280x800", "wide", messages.getMessage("manifest.screenshot.home", null, locale)),
                screenshot("/img/screenshots/workflow-narrow.jpg", "412x915", "narrow",
                        messages.getMessage("manifest.screenshot.workflow", null, locale))));
        manifest.put("shortcuts", List.of(
                Map.of("name", messages.getMessage("nav.browse", null, locale), "url", "/workflows"),
                Map.of("name", messages.getMessage("nav.library", null, locale), "url", "/library")));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(manifest);
    }

    private Map<String, String> screenshot(String path, String sizes, String formFactor, String label) {
        return Map.of("src", assets.url(path), "sizes", sizes, "type", "image/jpeg", "form_factor", formFactor, "label", label);
    }

    private Map<String, String> icon(String path, String sizes, String type, String purpose) {
        return Map.of("src", assets.url(path), "sizes", sizes, "type", type, "purpose", purpose);
    }

    /** The worker with this release's shell; its version changes whenever one of those files does. */
    @GetMapping(value = "/sw.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> serviceWorker() {
        List<String> shell = SHELL.stream().map(assets::url).toList();
        String list = shell.stream().map(url -> "'" + url + "'").collect(Collectors.joining(", ", "[", "]"));
        String script = worker.replace("/*SHELL*/[]", list).replace("/*VERSION*/'dev'", "'" + digest(String.join(" ", shell) + worker) + "'");
        // the browser asks for the worker again at least daily; no-cache makes it see a new release at once
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(script);
    }

    @GetMapping("/offline")
    String offline() {
        return "platform/offline";
    }

    /** After the security filters (it needs to know who asks), before the page cache (its pages carry the header too). */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> viewerHeader() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                String viewer = auth != null && auth.getPrincipal() instanceof CurrentUser user
                        ? digest("viewer:" + user.id()).substring(0, 16) : "visitor";
                response.setHeader(VIEWER, viewer);
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 200);
        return registration;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
