package app.flowmarket.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a MaxMind DB file (format 2.0, IPv4, 24-bit records) holding the given networks and records: enough for
 * tests of the GeoIP lookup, with no database downloaded from anywhere.
 */
final class TinyGeoIpDatabase {

    private final Map<String, Map<String, Object>> networks = new LinkedHashMap<>();

    /** A network ("198.51.100.0/24") and what the database says about it (maps, strings and longs). */
    TinyGeoIpDatabase network(String cidr, Map<String, Object> record) {
        networks.put(cidr, record);
        return this;
    }

    Path write(Path file, String databaseType) throws IOException {
        // the search tree: node i has two records (left: bit 0, right: bit 1); -1 means "no data", -2-k means data k
        List<int[]> nodes = new ArrayList<>();
        nodes.add(new int[] {-1, -1});
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<Integer> dataOffsets = new ArrayList<>();
        for (var network : networks.entrySet()) {
            String[] parts = network.getKey().split("/");
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = Integer.parseInt(parts[1]);
            dataOffsets.add(data.size());
            encode(network.getValue(), data);
            int node = 0;
            for (int bit = 0; bit < prefix; bit++) {
                int side = (address[bit / 8] >> (7 - bit % 8)) & 1;
                if (bit == prefix - 1) {
                    nodes.get(node)[side] = -2 - (dataOffsets.size() - 1);
                } else {
                    if (nodes.get(node)[side] < 0) {
                        nodes.add(new int[] {-1, -1});
                        nodes.get(node)[side] = nodes.size() - 1;
                    }
                    node = nodes.get(node)[side];
                }
            }
        }
        int nodeCount = nodes.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] node : nodes) {
            for (int record : node) {
                int value = record == -1 ? nodeCount : record <= -2 ? nodeCount + 16 + dataOffsets.get(-2 - record) : record;
                out.write(value >> 16);
                out.write(value >> 8);
                out.write(value);
            }
        }
        out.write(new byte[16]);
        out.write(data.toByteArray());
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", new Uint32(nodeCount));
        metadata.put("record_size", new Uint16(24));
        metadata.put("ip_version", new Uint16(4));
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", new Uint16(2));
        metadata.put("binary_format_minor_version", new Uint16(0));
        metadata.put("build_epoch", new Uint64(1_700_000_000L));
        metadata.put("description", Map.of("en", "Test database"));
        encode(metadata, out);
        return Files.write(file, out.toByteArray());
    }

    record Uint16(int value) {
    }

    record Uint32(long value) {
    }

    record Uint64(long value) {
    }

    private static void encode(Object value, ByteArrayOutputStream out) {
        switch (value) {
            case String text -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                control(2, bytes.length, out);
                out.writeBytes(bytes);
            }
            case Uint16 n -> unsigned(5, n.value(), out);
            case Uint32 n -> unsigned(6, n.value(), out);
            case Uint64 n -> unsigned(9, n.value(), out);
            case Long n -> unsigned(6, n, out);
            case Integer n -> unsigned(6, n, out);
            case Map<?, ?> map -> {
                control(7, map.size(), out);
                map.forEach((k, v) -> {
                    encode(k.toString(), out);
                    encode(v, out);
                });
            }
            case List<?> list -> {
                control(11, list.size(), out);
                list.forEach(item -> encode(item, out));
            }
            default -> throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    private static void unsigned(int type, long value, ByteArrayOutputStream out) {
        int length = 0;
        for (long v = value; v != 0; v >>>= 8) {
            length++;
        }
        control(type, length, out);
        for (int i = length - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    /** A control byte: the type in the top three bits (0 and a second byte for extended types), the size below (29: one more byte). */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        if (size >= 285) {
            throw new IllegalArgumentException("sizes of 285 and more are not needed here");
        }
        int sizeBits = Math.min(size, 29);
        out.write(((type <= 7 ? type : 0) << 5) | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        if (size >= 29) {
            out.write(size - 29);
        }
    }
}
