package app.flowmarket.catalog;

import java.util.UUID;

/** A screenshot of a listing: where it is served, its image type and its place among the listing's screenshots. */
public record ScreenshotView(UUID id, String url, String contentType, int position) {
}
