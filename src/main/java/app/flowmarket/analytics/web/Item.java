package app.flowmarket.analytics.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A workflow, a bundle or the store's own page, as the dashboard names it ({@code kind}: workflow, bundle, store, removed). */
public record Item(UUID id, String title, String kind, @Nullable String publicUrl) {
}
