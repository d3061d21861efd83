package app.flowmarket.catalog.web;

import app.flowmarket.shared.AreaPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's pages in the seller's area. */
@Configuration(proxyBeanMethods = false)
class CatalogSellerPages {

    @Bean
    AreaPage sellerWorkflowsPage() {
        return AreaPage.seller("/seller/workflows", "seller.workflows.title", "seller.page.workflows", 10);
    }
}
