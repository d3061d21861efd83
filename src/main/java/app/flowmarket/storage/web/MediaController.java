package app.flowmarket.storage.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;

import app.flowmarket.shared.NotFoundException;
import app.flowmarket.storage.BlobStore;
import app.flowmarket.storage.Images;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Serves public images (avatars, screenshots). Workflow files are never served from here. */
@Controller
class MediaController {

    private static final Set<String> PUBLIC_PREFIXES = Set.of("avatars", "screenshots");

    private final BlobStore blobs;

    MediaController(BlobStore blobs) {
        this.blobs = blobs;
    }

    @GetMapping("/media/{prefix}/{id}")
    ResponseEntity<byte[]> media(@PathVariable String prefix, @PathVariable String id) throws IOException {
        if (!PUBLIC_PREFIXES.contains(prefix)) {
            throw new NotFoundException("media");
        }
        try (InputStream in = blobs.open(prefix + "/" + id).orElseThrow(() -> new NotFoundException("media"))) {
            byte[] bytes = in.readAllBytes();
            String type = Images.contentType(bytes).orElseThrow(() -> new NotFoundException("media"));
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(type))
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(bytes);
        }
    }
}
