package app.flowmarket.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import app.flowmarket.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The errors of a submitted form, translated, by field ("" holds errors about the whole form). */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors from(BindingResult result, MessageSource messages) {
        FormErrors errors = new FormErrors();
        result.getFieldErrors().forEach((FieldError error) ->
                errors.byField.putIfAbsent(error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale())));
        result.getGlobalErrors().forEach(error ->
                errors.byField.putIfAbsent("", messages.getMessage(error, LocaleContextHolder.getLocale())));
        return errors;
    }

    /** The person-readable text of a domain rule that said no, in the request's language. */
    public static String text(DomainException e, MessageSource messages) {
        return messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale());
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }

    public @Nullable String global() {
        return byField.get("");
    }
}
