package app.flowmarket.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@link Ui} into every page's model. */
@ControllerAdvice
class UiAdvice {

    private final UiSupport support;

    UiAdvice(UiSupport support) {
        this.support = support;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request) {
        return new Ui(request, support);
    }
}
