package app.flowmarket.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;

/**
 * Embedded servers run as child processes. When the app is killed outright (kill -9, a crash) they
 * outlive it and keep its data files; the next start, which holds the data directory lock and so
 * knows no live instance owns them, stops them first.
 */
final class OrphanProcesses {

    private static final Duration GRACE = Duration.ofSeconds(15);

    private OrphanProcesses() {
    }

    static void stop(Path pidFile, String server, Log log) {
        pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(process -> {
            log.warn("An embedded " + server + " left running by an earlier instance (pid " + process.pid() + ") still holds "
                    + pidFile.getParent() + "; stopping it");
            process.destroy();
            try {
                process.onExit().get(GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    private static Optional<Long> pid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
