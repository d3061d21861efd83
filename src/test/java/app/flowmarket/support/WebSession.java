package app.flowmarket.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser as seen from the server: real HTTP, a cookie jar, and the CSRF token taken
 * from the last page's forms. No redirect is followed unless asked.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrf;

    public WebSession(int port) {
        this("localhost", port);
    }

    /** A browser reaching the server at the given host name or address (another interface than loopback, say). */
    public WebSession(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends the header with every request from now on. */
    public WebSession header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * A browser at the given address, as a proxy in front of the app reports it ({@code X-Forwarded-For}).
     * Tests reach the app from loopback, which is a trusted proxy, so the app takes it as the client's address.
     */
    public WebSession from(String address) {
        return header("X-Forwarded-For", address);
    }

    /** The value of a cookie this browser holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Copies a cookie from another browser, as when the same person comes back with it. */
    public WebSession withCookie(String name, String value, String path) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
        return this;
    }

    public record Page(int status, String body, String location, java.net.http.HttpHeaders headers) {

        /** The Set-Cookie header that sets the named cookie, or null. */
        public String setCookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "=")).findFirst().orElse(null);
        }

        public Page assertStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but was " + status + " (location " + location + ")\n"
                        + body.substring(0, Math.min(body.length(), 3000)));
            }
            return this;
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** The body of a GET as bytes (a downloaded file), after checking the status is 200. */
    public byte[] getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::setHeader);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("expected 200 for " + path + " but got " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page getWithHeaders(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Follows redirects like a browser would, up to five. */
    public Page getFollowing(String path) {
        Page page = get(path);
        for (int i = 0; i < 5 && page.location() != null && page.status() / 100 == 3; i++) {
            page = get(page.location());
        }
        return page;
    }

    public Page post(String path, Map<String, String> fields) {
        return post(path, fields, Map.of());
    }

    /** Posts a form with extra request headers (htmx sends {@code HX-Request: true}). */
    public Page post(String path, Map<String, String> fields, Map<String, String> headers) {
        ensureCsrf();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        StringBuilder form = new StringBuilder();
        all.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts an already encoded form body (for repeated fields), with the CSRF token added. */
    public Page postMultipartless(String path, String encodedForm) {
        ensureCsrf();
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm + "&_csrf=" + enc(csrf))));
    }

    /** Posts JSON the way the page's scripts do, with the CSRF token in a header. */
    public Page postJson(String path, String json) {
        ensureCsrf();
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    public Page postWithoutCsrf(String path, Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    public Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        ensureCsrf();
        String boundary = "----flowmarket" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        try {
            for (var field : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (fileField != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Sends the given session cookie from now on, as someone who copied it would. */
    public WebSession withSessionCookie(String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
        return this;
    }

    /** Signs in through the real form; asserts it worked. */
    public WebSession signIn(String email, String password) {
        get("/login");
        Page page = post("/login", Map.of("email", email, "password", password));
        if (page.status() != 302 || page.location().startsWith("/login")) {
            throw new AssertionError("sign-in failed for " + email + ": " + page.status() + " " + page.location());
        }
        csrf = null;
        return this;
    }

    private void ensureCsrf() {
        if (csrf == null) {
            // a page whose form is there for everyone, signed in or not
            get("/coming-soon");
        }
    }

    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            String location = response.headers().firstValue("Location").map(l -> l.startsWith(base) ? l.substring(base.length()) : l).orElse(null);
            return new Page(response.statusCode(), response.body(), location, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
