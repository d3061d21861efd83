package app.flowmarket.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@link Ui} into every page's model. */
@ControllerAdvice
class UiAdvice {

    private final MessageSource messages;
    private final StaticAssets assets;

    UiAdvice(MessageSource messages, StaticAssets assets) {
        this.messages = messages;
        this.assets = assets;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request) {
        return new Ui(request, messages, assets);
    }
}
