package app.flowmarket.social.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import app.flowmarket.catalog.CatalogManagement.PurchasableWorkflow;
import app.flowmarket.catalog.CatalogManagement;
import app.flowmarket.catalog.CatalogQueries;
import app.flowmarket.commerce.Bundles;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.StoreId;
import app.flowmarket.social.Profiles;
import app.flowmarket.store.StoreManagement;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The preview pictures named by the Open Graph and Twitter Card tags of shareable pages. */
@Controller
class SharePreviewController {

    private final CatalogManagement catalog;
    private final CatalogQueries queries;
    private final StoreManagement stores;
    private final Bundles bundles;
    private final Profiles profiles;

    SharePreviewController(CatalogManagement catalog, CatalogQueries queries, StoreManagement stores, Bundles bundles, Profiles profiles) {
        this.catalog = catalog;
        this.queries = queries;
        this.stores = stores;
        this.bundles = bundles;
        this.profiles = profiles;
    }

    @GetMapping("/share/workflows/{slug}.png")
    ResponseEntity<byte[]> workflow(@PathVariable String slug) {
        PurchasableWorkflow workflow = catalog.purchasableBySlug(slug).filter(PurchasableWorkflow::published)
                .orElseThrow(() -> new NotFoundException("workflow"));
        var card = queries.cards(List.of(workflow.id())).stream().findFirst().orElseThrow(() -> new NotFoundException("workflow"));
        return png(PreviewImages.render(card.platform().label() + " workflow", card.title(), "by " + card.storeName(),
                card.price().isFree() ? "Free" : card.price().format(Locale.ENGLISH)));
    }

    @GetMapping("/share/stores/{slug}.png")
    ResponseEntity<byte[]> store(@PathVariable String slug) {
        var store = stores.findBySlug(slug).orElseThrow(() -> new NotFoundException("store"));
        return png(PreviewImages.render("Store", store.name(), "Automation workflows on Flowmarket", ""));
    }

    @GetMapping("/share/bundles/{slug}.png")
    ResponseEntity<byte[]> bundle(@PathVariable String slug) {
        var bundle = bundles.bySlug(slug).orElseThrow(() -> new NotFoundException("bundle"));
        String store = stores.find(StoreId.of(bundle.storeId())).map(StoreManagement.StoreView::name).orElse("");
        return png(PreviewImages.render("Bundle", bundle.title(), "by " + store, bundle.price().format(Locale.ENGLISH)));
    }

    @GetMapping("/share/u/{handle}.png")
    ResponseEntity<byte[]> profile(@PathVariable String handle) {
        var profile = profiles.visible(handle).orElseThrow(() -> new NotFoundException("profile"));
        return png(PreviewImages.render("Member", profile.displayName(), "@" + profile.handle() + " on Flowmarket", ""));
    }

    private static ResponseEntity<byte[]> png(byte[] image) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(image);
    }
}
