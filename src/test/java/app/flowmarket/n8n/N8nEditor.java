package app.flowmarket.n8n;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the requests n8n's editor sends to its templates host, byte for byte as its rest-api client builds them: from the
 * browser, with the instance's origin, an {@code n8n-version} header, and list parameters as {@code name[]=value} with the
 * brackets left as they are (its legacy parameter serializer). A raw socket, because Java's URI refuses those brackets.
 */
final class N8nEditor {

    static final String ORIGIN = "http://localhost:5678";
    static final String VERSION = "1.122.4";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final int port;
    private final String base;

    /** {@code base} is the path part of N8N_TEMPLATES_HOST: {@code /n8n/<token>}. */
    N8nEditor(int port, String base) {
        this.port = port;
        this.base = base;
    }

    /** The client's legacy serializer: arrays as key[]=v (brackets raw), values with encodeURIComponent. */
    static String query(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> {
            if (e.getValue() instanceof java.util.List<?> list) {
                return list.stream().map(v -> e.getKey() + "[]=" + encode(String.valueOf(v))).collect(Collectors.joining("&"));
            }
            return e.getKey() + "=" + encode(String.valueOf(e.getValue()));
        }).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Response get(String endpoint) {
        return send("GET", endpoint, Map.of("Origin", ORIGIN, "n8n-version", VERSION, "Accept", "application/json, text/plain, */*"));
    }

    /** The browser's preflight before a request with the n8n-version header. */
    Response preflight(String endpoint) {
        return send("OPTIONS", endpoint, Map.of("Origin", ORIGIN, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "n8n-version"));
    }

    private Response send(String method, String endpoint, Map<String, String> headers) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + base + endpoint + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(new java.io.ByteArrayInputStream(body));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.read();
            in.read();
        }
    }
}
