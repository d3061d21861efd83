package app.flowmarket.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's ZIP: each part's tables as JSON (an array of objects) and CSV (a header and a row each), the files
 * people provided as they are, and a README that says what each file holds. Times are ISO-8601 in UTC.
 */
final class ExportArchive implements PersonalData.Sink, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
    private final List<String[]> contents = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private String part = "";

    void startPart(String name) {
        this.part = safe(name);
    }

    @Override
    public void table(String name, String description, List<? extends Map<String, ? extends @Nullable Object>> rows) {
        List<Map<String, @Nullable Object>> plain = rows.stream().map(ExportArchive::plain).toList();
        String base = part + "/" + safe(name);
        write(base + ".json", JSON.writeValueAsBytes(plain));
        write(base + ".csv", csv(plain).getBytes(StandardCharsets.UTF_8));
        contents.add(new String[] {base + ".json, " + base + ".csv", description + " (" + rows.size() + ")"});
    }

    @Override
    public void file(String path, String description, InputStream content) throws IOException {
        String name = part + "/" + String.join("/", java.util.Arrays.stream(path.split("/")).map(ExportArchive::safe).toList());
        try (content) {
            write(name, content.readAllBytes());
        }
        contents.add(new String[] {name, description});
    }

    /** Closes the archive with its README and returns its bytes. */
    byte[] finish(String personName, Instant madeAt) {
        StringBuilder readme = new StringBuilder("# Your Flowmarket data\n\n")
                .append("Made for ").append(personName).append(" on ").append(madeAt).append(" (UTC).\n\n")
                .append("Everything Flowmarket holds about you, one folder per part of the site. Each list is there twice, with the same content: ")
                .append("as JSON (for programs) and as CSV (for spreadsheets). Times are in UTC (ISO 8601); amounts are in minor units ")
                .append("(cents) with their currency. Other people's personal data is left out: sales show what was sold and when, not to whom.\n\n")
                .append("| File | What it holds (number of entries) |\n|---|---|\n");
        for (String[] entry : contents) {
            readme.append("| ").append(entry[0]).append(" | ").append(entry[1].replace("|", "\\|")).append(" |\n");
        }
        write("README.md", readme.toString().getBytes(StandardCharsets.UTF_8));
        close();
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, byte[] content) {
        if (!names.add(name)) {
            throw new IllegalStateException("Two export files named " + name);
        }
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, @Nullable Object> plain(Map<String, ? extends @Nullable Object> row) {
        Map<String, @Nullable Object> plain = new LinkedHashMap<>();
        row.forEach((key, value) -> plain.put(key, plain(value)));
        return plain;
    }

    private static @Nullable Object plain(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant().toString();
            case OffsetDateTime t -> t.toInstant().toString();
            case Instant t -> t.toString();
            case UUID id -> id.toString();
            case Number n -> n;
            case Boolean b -> b;
            default -> value.toString();
        };
    }

    /** RFC 4180, and a text starting like a formula is prefixed so spreadsheets show it instead of running it. */
    static String csv(List<Map<String, @Nullable Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", columns.stream().map(ExportArchive::cell).toList())).append("\r\n");
        for (Map<String, @Nullable Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                cells.add(value == null ? "" : value instanceof String text ? cell(text) : cell(value.toString()));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        String value = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?") ? "'" + text : text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
