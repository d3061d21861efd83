package app.flowmarket.store.web;

import app.flowmarket.store.StoreManagement;
import org.jspecify.annotations.Nullable;

public record StoreFormData(String name, String slug, String bio, String websiteUrl, String twitterHandle,
                            String githubHandle) {

    static StoreFormData empty() {
        return new StoreFormData("", "", "", "", "", "");
    }

    static StoreFormData of(StoreManagement.StoreView store) {
        return new StoreFormData(store.name(), store.slug(), store.bio(), nz(store.websiteUrl()), nz(store.twitterHandle()),
                nz(store.githubHandle()));
    }

    StoreManagement.StoreProfile toParameters() {
        return new StoreManagement.StoreProfile(name, slug, bio, websiteUrl, twitterHandle, githubHandle);
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
