package app.flowmarket.platform;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Coming Soon page: what is being built next, one translated list (titles and texts under
 * {@code coming-soon.item.<id>.*}), so every language says the same. Remove an item when it lands.
 */
@Controller
class ComingSoonController {

    static final List<String> UPCOMING = List.of("pricing", "api");

    @GetMapping("/coming-soon")
    String comingSoon(Model model) {
        model.addAttribute("items", UPCOMING);
        return "platform/coming-soon";
    }
}
