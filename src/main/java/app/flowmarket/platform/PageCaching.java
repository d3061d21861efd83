package app.flowmarket.platform;

import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;

/**
 * How long browsers may keep what we answer, written when the answer goes out (its status and the person
 * are known then). A public page answered to a visitor is {@value #REVALIDATE}: nothing keeps it without
 * asking us again, but the browser may hold it in its back/forward cache, so "Back" shows it at once.
 * Everything else keeps Spring Security's {@code no-store}: anything a signed-in person sees, the cart,
 * checkout, settings, the seller and admin areas, the library, the API, pages whose address carries a token
 * and every error. An answer that chose its own header (static files, previews, exports) keeps it.
 */
final class PageCaching implements HeaderWriter {

    static final String REVALIDATE = "private, no-cache";

    /** The pages (and the fragments they load) that are the same for every visitor, as the service worker keeps them. */
    private static final Pattern PUBLIC = Pattern.compile("^/$"
            + "|^/(workflows|categories|tags|compare|coming-soon|login|signup|forgot-password|search/suggest)$"
            + "|^/workflows/(?!templates$)[^/]+(/(reviews|questions|buy-box|preview-offer|versions|versions/diff))?$"
            + "|^/stores/(?!new$)[^/]+(/follow)?$"
            + "|^/bundles/[^/]+$"
            + "|^/u/[^/]+$");

    private final HeaderWriter noStore = new CacheControlHeadersWriter();

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HttpHeaders.CACHE_CONTROL) || response.containsHeader(HttpHeaders.EXPIRES)
                || response.containsHeader(HttpHeaders.PRAGMA) || response.getStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        if (publicPageForAVisitor(request, response)) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        } else {
            noStore.writeHeaders(request, response);
        }
    }

    static boolean publicPageForAVisitor(HttpServletRequest request, HttpServletResponse response) {
        return "GET".equals(request.getMethod()) && response.getStatus() == HttpServletResponse.SC_OK
                && request.getDispatcherType() == DispatcherType.REQUEST && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
                && response.getContentType() != null && PUBLIC.matcher(request.getRequestURI()).matches() && visitor();
    }

    private static boolean visitor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken;
    }
}
