package app.flowmarket.commerce.web;

import app.flowmarket.shared.AreaPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Commerce's pages in the seller's area. */
@Configuration(proxyBeanMethods = false)
class CommerceSellerPages {

    @Bean
    AreaPage sellerSalesPage() {
        return AreaPage.seller("/seller/sales", "sales.title", "seller.page.sales", 20);
    }

    @Bean
    AreaPage sellerBundlesPage() {
        return AreaPage.seller("/seller/bundles", "bundles.title", "seller.page.bundles", 30);
    }

    @Bean
    AreaPage sellerCouponsPage() {
        return AreaPage.seller("/seller/coupons", "coupons.title", "seller.page.coupons", 35);
    }

    @Bean
    AreaPage sellerPromotionsPage() {
        return AreaPage.seller("/seller/promotions", "promotions.title", "seller.page.promotions", 36);
    }
}
