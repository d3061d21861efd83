package app.flowmarket.analytics.web;

import app.flowmarket.shared.AreaPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dashboard in the seller's area: first after the area's home. */
@Configuration(proxyBeanMethods = false)
class DashboardPages {

    @Bean
    AreaPage sellerDashboardPage() {
        return AreaPage.seller("/seller/dashboard", "dashboard.title", "seller.page.dashboard", 5);
    }
}
