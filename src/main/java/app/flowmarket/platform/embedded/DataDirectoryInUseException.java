package app.flowmarket.platform.embedded;

import java.nio.file.Path;

/** Another running Flowmarket holds the data directory. */
public class DataDirectoryInUseException extends RuntimeException {

    private final transient Path dataDir;

    DataDirectoryInUseException(Path dataDir) {
        super("The data directory " + dataDir + " is already in use by another running Flowmarket.");
        this.dataDir = dataDir;
    }

    Path dataDir() {
        return dataDir;
    }
}
