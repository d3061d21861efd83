package app.flowmarket.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files under {@code <data-dir>/blobs}, written atomically (temp file, then move). */
@Component
class LocalBlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9-]{1,40}/[0-9a-f-]{36}$");

    private final Path root;

    LocalBlobStore(@Value("${flowmarket.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "blobs").toAbsolutePath().normalize();
    }

    @Override
    public String put(String prefix, byte[] content) {
        String key = prefix + "/" + UUID.randomUUID();
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a file", e);
        }
    }

    @Override
    public String put(String prefix, Path file) {
        String key = prefix + "/" + UUID.randomUUID();
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a file", e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        if (key != null && KEY.matcher(key).matches()) {
            try {
                Files.deleteIfExists(resolve(key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("bad key");
        }
        return path;
    }
}
