package app.flowmarket.catalog;

import org.jspecify.annotations.Nullable;

/** An uploaded file: a workflow export as the seller's browser sent it. */
public record Upload(@Nullable String fileName, byte[] content) {
}
