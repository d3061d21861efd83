package app.flowmarket.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The first n8n release that runs each n8n node type in each type version, from the table kept in
 * {@code n8n-node-releases.csv} (its header says where the rows come from), and so the minimum n8n version a workflow
 * file needs. Node types outside the table (community nodes, versions n8n never published) are reported as unknown.
 */
public final class N8nReleases {

    private static final Map<String, String> FIRST = load();

    private N8nReleases() {
    }

    /** What a file needs: the minimum release (empty when no node is known) and the node versions not in the table. */
    public record Minimum(@Nullable String release, List<String> unknown) implements java.io.Serializable {

        /** The major release line, for "works with n8n 1.x". */
        public @Nullable String line() {
            return release == null ? null : release.substring(0, release.indexOf('.'));
        }
    }

    /** The first release that runs this node version, if the table knows it. */
    public static Optional<String> firstRelease(String type, @Nullable String typeVersion) {
        String version = typeVersion == null || typeVersion.isBlank() ? "1" : normalise(typeVersion);
        String found = FIRST.get(type + "," + version);
        if (found == null && type.endsWith("Tool")) {
            found = FIRST.get(type.substring(0, type.length() - 4) + "," + version);
        }
        return Optional.ofNullable(found);
    }

    /** The minimum n8n release for what an n8n file needs; other platforms need none. */
    public static Minimum of(Platform platform, Compatibility needs) {
        if (platform != Platform.N8N) {
            return new Minimum(null, List.of());
        }
        String highest = null;
        List<String> unknown = new ArrayList<>();
        for (Compatibility.Part part : needs.parts()) {
            List<String> versions = part.versions().isEmpty() ? List.of("") : part.versions();
            if (part.type().contains(".") && !part.type().startsWith("n8n-nodes-base.")) {
                continue; // community nodes are listed as packages to install, and langchain nodes are not in the table
            }
            for (String version : versions) {
                Optional<String> release = firstRelease(part.type(), version);
                if (release.isEmpty()) {
                    unknown.add(part.type() + (version.isBlank() ? "" : " v" + version));
                } else if (highest == null || ORDER.compare(release.get(), highest) > 0) {
                    highest = release.get();
                }
            }
        }
        return new Minimum(highest, List.copyOf(unknown));
    }

    /**
     * A release as one number that sorts and compares like it ({@code major * 1000 + minor}: 1.80 is 1080, 2.0 is 2000),
     * as kept with each listing and filtered in search. A minor past 999 counts as 999.
     */
    public static int code(String release) {
        String[] parts = release.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Math.min(999, Integer.parseInt(parts[1])) : 0;
        return major * 1000 + minor;
    }

    /** Releases compared part by part as numbers: 1.100 comes after 1.20. */
    public static final Comparator<String> ORDER = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int left = i < x.length ? Integer.parseInt(x[i]) : 0;
            int right = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (left != right) {
                return Integer.compare(left, right);
            }
        }
        return 0;
    };

    /** "2.0" and "2" are the same type version. */
    private static String normalise(String version) {
        String v = version.strip();
        return v.matches("[0-9]+\\.0+") ? v.substring(0, v.indexOf('.')) : v;
    }

    private static Map<String, String> load() {
        Map<String, String> rows = new HashMap<>();
        try (InputStream in = N8nReleases.class.getResourceAsStream("/n8n-node-releases.csv")) {
            if (in == null) {
                throw new IllegalStateException("n8n-node-releases.csv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",");
                rows.put(cells[0] + "," + normalise(cells[1]), cells[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(rows);
    }
}
