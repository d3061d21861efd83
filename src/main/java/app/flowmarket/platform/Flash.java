package app.flowmarket.platform;

import java.util.Arrays;
import java.util.List;

import app.flowmarket.shared.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages for the page a form redirects to (POST, redirect, GET): a success shows as a confirmation,
 * a domain rule that said no shows as an error, with its arguments ("between 3 and 5000 characters").
 * The one way controllers report the outcome of an action they redirect after.
 */
public final class Flash {

    static final String SUCCESS = "flash";
    static final String ERROR = "flashError";

    /** A message key and its arguments, as text (they travel in a cookie). */
    public record Message(String key, List<String> args) {

        static Message of(String key, Object... args) {
            return new Message(key, args == null ? List.of() : Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    private Flash() {
    }

    /** Does the action; its success is confirmed on the next page, a rule it breaks is shown there as an error. */
    public static boolean attempt(RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            success(redirect, successKey);
            return true;
        } catch (DomainException e) {
            error(redirect, e);
            return false;
        }
    }

    public static void success(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute(SUCCESS, Message.of(key, args));
    }

    public static void error(RedirectAttributes redirect, DomainException e) {
        redirect.addFlashAttribute(ERROR, Message.of(e.messageKey(), e.args()));
    }

    public static void error(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute(ERROR, Message.of(key, args));
    }
}
