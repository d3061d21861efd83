package app.flowmarket.platform.web;

import java.util.Comparator;
import java.util.List;

import app.flowmarket.shared.AreaPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin area's entry point: every admin page, contributed by the module that manages it
 * ({@link AreaPage} beans), so there is no god "admin" module. Admins only (security configuration).
 */
@Controller
class AdminHome {

    private final List<AreaPage> pages;

    AdminHome(List<AreaPage> pages) {
        this.pages = pages;
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("pages", pages.stream().filter(p -> p.area() == AreaPage.Area.ADMIN && !p.path().equals("/admin"))
                .sorted(Comparator.comparingInt(AreaPage::order)).toList());
        return "platform/admin-home";
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage adminHomePage() {
            return AreaPage.admin("/admin", "admin.home.title", "admin.home.description", 0);
        }
    }
}
