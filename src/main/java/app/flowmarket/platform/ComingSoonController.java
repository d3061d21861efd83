package app.flowmarket.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Coming Soon page. Its newsletter form's backend is the newsletter feature's work. */
@Controller
class ComingSoonController {

    @GetMapping("/coming-soon")
    String comingSoon() {
        return "platform/coming-soon";
    }
}
