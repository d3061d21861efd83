package app.flowmarket.platform;

import java.util.Comparator;
import java.util.List;

import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.SiteSettings;
import app.flowmarket.shared.CurrencyConverter;
import app.flowmarket.shared.PriceOffers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What {@link Ui} needs from the application: messages, static file URLs, the areas' pages, the visitor's
 * currency and the pricing engine's conversion into it.
 */
@Component
class UiSupport {

    final MessageSource messages;
    final StaticAssets assets;
    final SiteSettings site;
    final DisplayCurrency displayCurrency;
    final CurrencyConverter converter;
    final PriceOffers offers;
    private final List<AreaPage> areaPages;

    UiSupport(MessageSource messages, StaticAssets assets, SiteSettings site, List<AreaPage> areaPages,
              DisplayCurrency displayCurrency, CurrencyConverter converter, PriceOffers offers) {
        this.messages = messages;
        this.assets = assets;
        this.site = site;
        this.displayCurrency = displayCurrency;
        this.converter = converter;
        this.offers = offers;
        this.areaPages = areaPages.stream().sorted(Comparator.comparingInt(AreaPage::order)).toList();
    }

    List<AreaPage> pagesOf(AreaPage.Area area) {
        return areaPages.stream().filter(p -> p.area() == area).toList();
    }
}
