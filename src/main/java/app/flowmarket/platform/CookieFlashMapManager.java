package app.flowmarket.platform;

import java.net.URLDecoder;
import java.net.URLEncoder;
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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * Flash messages ("Added to your cart") travel in a short-lived cookie instead of the server-side
 * session, so a visitor's POST-redirect-GET creates no session: it works while Redis is down and keeps
 * the visitor's pages cacheable. A flash message is a message key with its (short) arguments.
 */
@Component("flashMapManager")
class CookieFlashMapManager extends AbstractFlashMapManager {

    static final String COOKIE = PersonalCookies.FLASH;
    private static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Override
    protected @Nullable List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        // the base class adds to and removes from this list
        return read(request).map(flash -> new ArrayList<>(List.of(flash))).orElse(null);
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        FlashMap latest = flashMaps.isEmpty() ? null : flashMaps.get(flashMaps.size() - 1);
        List<String> lines = new ArrayList<>();
        if (latest != null) {
            for (String kind : List.of(Flash.SUCCESS, Flash.ERROR)) {
                Flash.Message message = message(latest.get(kind));
                if (message != null && KEY.matcher(message.key()).matches()) {
                    StringBuilder line = new StringBuilder(kind).append('\t').append(message.key());
                    message.args().forEach(arg -> line.append('\t').append(URLEncoder.encode(arg, StandardCharsets.UTF_8)));
                    lines.add(line.toString());
                }
            }
        }
        if (lines.isEmpty() || latest == null) {
            if (read(request).isPresent()) {
                write(response, request, "", Duration.ZERO);
            }
            return;
        }
        lines.add(0, (latest.getTargetRequestPath() == null ? "" : latest.getTargetRequestPath()) + "\t" + latest.getExpirationTime());
        String value = String.join("\n", lines);
        write(response, request, Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)), LIFETIME);
    }

    /** Controllers put a message key (a String) or a {@link Flash.Message}. */
    private static Flash.@Nullable Message message(@Nullable Object value) {
        if (value instanceof Flash.Message message) {
            return message;
        }
        return value instanceof String key ? new Flash.Message(key, List.of()) : null;
    }

    private static Optional<FlashMap> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()) && !c.getValue().isEmpty()).findFirst().flatMap(c -> {
            try {
                String[] lines = new String(Base64.getUrlDecoder().decode(c.getValue()), StandardCharsets.UTF_8).split("\n", -1);
                String[] head = lines[0].split("\t", -1);
                if (head.length != 2) {
                    return Optional.empty();
                }
                FlashMap flash = new FlashMap();
                if (!head[0].isEmpty()) {
                    flash.setTargetRequestPath(head[0]);
                }
                flash.setExpirationTime(Long.parseLong(head[1]));
                for (int i = 1; i < lines.length; i++) {
                    String[] parts = lines[i].split("\t", -1);
                    if (parts.length >= 2 && (parts[0].equals(Flash.SUCCESS) || parts[0].equals(Flash.ERROR)) && KEY.matcher(parts[1]).matches()) {
                        List<String> args = Arrays.stream(parts, 2, parts.length).map(arg -> URLDecoder.decode(arg, StandardCharsets.UTF_8)).toList();
                        flash.put(parts[0], new Flash.Message(parts[1], args));
                    }
                }
                return flash.isEmpty() ? Optional.empty() : Optional.of(flash);
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
