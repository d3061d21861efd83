package app.flowmarket.newsletter.web;

import app.flowmarket.shared.AreaPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The newsletter's page in the admin area. */
@Configuration(proxyBeanMethods = false)
class NewsletterAdminPages {

    @Bean
    AreaPage newsletterAdminPage() {
        return AreaPage.admin("/admin/newsletter", "newsletter.admin.title", "admin.page.newsletter", 50);
    }
}
