package app.flowmarket.catalog;

import app.flowmarket.shared.AfterCommit;
import app.flowmarket.storage.BlobStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Workflow files and screenshots in the blob store. A file is written before the rows that point to
 * it; if that transaction does not commit, the file is removed again, so no orphan stays behind.
 */
@Component
class CatalogFiles {

    private final BlobStore blobs;

    CatalogFiles(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Stores the content under a new key with the given prefix; returns the key. */
    String put(String prefix, byte[] content) {
        String key = blobs.put(prefix, content);
        AfterCommit.onRollback(() -> blobs.delete(key));
        return key;
    }

    /** A stored file's content, or null when it is gone. */
    byte @Nullable [] read(String key) {
        try (java.io.InputStream in = blobs.open(key).orElse(null)) {
            return in == null ? null : in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void delete(String key) {
        blobs.delete(key);
    }

    /** The name a downloaded file gets: the seller's file name without path or odd characters. */
    static String safeFileName(@Nullable String name, String fallback) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (cleaned.isEmpty() || cleaned.startsWith(".")) {
            cleaned = fallback + ".json";
        }
        return cleaned.length() > 200 ? cleaned.substring(cleaned.length() - 200) : cleaned;
    }
}
