package app.flowmarket.account.web;

import java.util.UUID;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins find an account by its e-mail address and follow it into the audit log. */
@Controller
class AccountAdminController {

    private final AccountManagement accounts;

    AccountAdminController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/accounts")
    String search(@RequestParam(required = false, defaultValue = "") String q, Model model) {
        model.addAttribute("q", q.strip());
        model.addAttribute("accounts", accounts.adminSearch(q));
        return "account/admin-accounts";
    }

    @GetMapping("/admin/accounts/{id}")
    String account(@PathVariable UUID id, Model model) {
        model.addAttribute("account", accounts.adminView(id).orElseThrow(() -> new NotFoundException("account " + id)));
        return "account/admin-account";
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage accountAdminPage() {
            return AreaPage.admin("/admin/accounts", "account.admin.title", "admin.page.accounts", 5);
        }
    }
}
