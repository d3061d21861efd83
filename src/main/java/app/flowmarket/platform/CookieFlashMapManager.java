package app.flowmarket.platform;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import app.flowmarket.shared.PersonalCookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * Flash messages ("Added to your cart") travel in a short-lived cookie instead of the server-side
 * session, so a visitor's POST-redirect-GET creates no session: it works while Redis is down and keeps
 * the visitor's pages cacheable. A flash message is a message key, never user data.
 */
@Component("flashMapManager")
class CookieFlashMapManager extends AbstractFlashMapManager {

    static final String COOKIE = PersonalCookies.FLASH;
    private static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final String KEY = "flash";

    @Override
    protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        // the base class adds to and removes from this list
        return read(request).map(flash -> new ArrayList<>(List.of(flash))).orElse(null);
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        FlashMap latest = flashMaps.isEmpty() ? null : flashMaps.get(flashMaps.size() - 1);
        if (latest == null || !(latest.get(KEY) instanceof String key) || !key.matches("[A-Za-z0-9._-]{1,100}")) {
            if (read(request).isPresent()) {
                write(response, request, "", Duration.ZERO);
            }
            return;
        }
        String path = latest.getTargetRequestPath() == null ? "" : latest.getTargetRequestPath();
        String value = String.join("\n", key, path, Long.toString(latest.getExpirationTime()));
        write(response, request, Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)), LIFETIME);
    }

    private static Optional<FlashMap> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()) && !c.getValue().isEmpty()).findFirst().flatMap(c -> {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(c.getValue()), StandardCharsets.UTF_8).split("\n", -1);
                if (parts.length != 3 || !parts[0].matches("[A-Za-z0-9._-]{1,100}")) {
                    return Optional.empty();
                }
                FlashMap flash = new FlashMap();
                flash.put(KEY, parts[0]);
                if (!parts[1].isEmpty()) {
                    flash.setTargetRequestPath(parts[1]);
                }
                flash.setExpirationTime(Long.parseLong(parts[2]));
                return Optional.of(flash);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure()).maxAge(maxAge).build().toString());
    }

}
