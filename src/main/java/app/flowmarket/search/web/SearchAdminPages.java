package app.flowmarket.search.web;

import app.flowmarket.shared.AreaPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Search's page in the admin area. */
@Configuration(proxyBeanMethods = false)
class SearchAdminPages {

    @Bean
    AreaPage searchAdminPage() {
        return AreaPage.admin("/admin/search", "search.admin.title", "admin.page.search", 60);
    }
}
