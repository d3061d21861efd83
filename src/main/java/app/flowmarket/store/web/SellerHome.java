package app.flowmarket.store.web;

import java.util.List;

import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.store.StoreManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The seller's home: their store at a glance and every page of the seller's area. */
@Controller
class SellerHome {

    private final StoreManagement stores;
    private final List<AreaPage> pages;

    SellerHome(StoreManagement stores, List<AreaPage> pages) {
        this.stores = stores;
        this.pages = pages;
    }

    @GetMapping("/seller")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        var store = stores.findByOwner(user.account());
        if (store.isEmpty()) {
            return "redirect:/stores/new";
        }
        model.addAttribute("store", store.get());
        model.addAttribute("pages", pages.stream().filter(p -> p.area() == AreaPage.Area.SELLER && !p.path().equals("/seller"))
                .sorted(java.util.Comparator.comparingInt(AreaPage::order)).toList());
        return "store/seller-home";
    }

    @Configuration(proxyBeanMethods = false)
    static class Pages {

        @Bean
        AreaPage sellerHomePage() {
            return AreaPage.seller("/seller", "seller.home.title", "seller.home.description", 0);
        }

        @Bean
        AreaPage storeSettingsPage() {
            return AreaPage.seller("/seller/store", "store.edit.title", "seller.page.store", 90);
        }
    }
}
