package app.flowmarket.privacy.web;

import app.flowmarket.privacy.AccountDeletions;
import app.flowmarket.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Signing in while a deletion waits offers to cancel it: the first page a new session asks for leads to the Privacy
 * page, which says when the account will be deleted and has the Cancel button. Asked once per session.
 */
@Configuration(proxyBeanMethods = false)
class DeletionPendingOnSignIn implements WebMvcConfigurer, HandlerInterceptor {

    private static final String CHECKED = "flowmarket.privacy.deletion-checked";

    private final AccountDeletions deletions;

    DeletionPendingOnSignIn(AccountDeletions deletions) {
        this.deletions = deletions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/settings/privacy", "/settings/privacy/**", "/logout", "/error", "/error/**",
                "/css/**", "/js/**", "/img/**", "/webjars/**", "/notifications/stream", "/favicon.ico", "/manifest.webmanifest", "/sw.js");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"GET".equals(request.getMethod()) || "true".equals(request.getHeader("HX-Request"))) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(CHECKED) != null) {
            return true;
        }
        session.setAttribute(CHECKED, "1");
        if (deletions.pending(user.id()).isPresent()) {
            response.sendRedirect(request.getContextPath() + "/settings/privacy");
            return false;
        }
        return true;
    }
}
