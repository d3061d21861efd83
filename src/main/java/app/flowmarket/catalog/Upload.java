package app.flowmarket.catalog;

/** An uploaded file: a workflow export as the seller's browser sent it. */
public record Upload(String fileName, byte[] content) {
}
