package app.flowmarket.audit;

import app.flowmarket.shared.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes sign-in successes and failures to the audit log. */
@Component
class SecurityEventAuditor {

    private final AuditLog auditLog;

    SecurityEventAuditor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            auditLog.record(user.id(), user.email(), "auth.sign-in", "account", user.id(), null);
        }
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        // the typed name is kept (truncated) so brute force on one account is visible; never the password
        String name = String.valueOf(event.getAuthentication().getName());
        auditLog.record(null, name, "auth.sign-in-failed", "account", null, event.getException().getClass().getSimpleName());
    }
}
