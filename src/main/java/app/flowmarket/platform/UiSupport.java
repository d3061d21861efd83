package app.flowmarket.platform;

import java.util.Comparator;
import java.util.List;

import app.flowmarket.shared.AreaPage;
import app.flowmarket.shared.SiteSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What {@link Ui} needs from the application: messages, static file URLs and the areas' pages. */
@Component
class UiSupport {

    final MessageSource messages;
    final StaticAssets assets;
    final SiteSettings site;
    private final List<AreaPage> areaPages;

    UiSupport(MessageSource messages, StaticAssets assets, List<AreaPage> areaPages, SiteSettings site) {
        this.messages = messages;
        this.site = site;
        this.assets = assets;
        this.areaPages = areaPages.stream().sorted(Comparator.comparingInt(AreaPage::order)).toList();
    }

    List<AreaPage> pagesOf(AreaPage.Area area) {
        return areaPages.stream().filter(p -> p.area() == area).toList();
    }
}
