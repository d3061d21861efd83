package app.flowmarket.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps every request body at what its endpoint needs, before anything reads it, so that no request can
 * make the server hold more than that in memory:
 * <ul>
 * <li>payment webhooks: {@code flowmarket.security.body-limits.webhook} (64 KB);</li>
 * <li>workflow uploads: {@code spring.servlet.multipart.max-request-size} (40 MB, files up to
 *     {@code max-file-size}, 12 MB, written to disk as they arrive); screenshots (from the pages and the API) and
 *     store pictures: {@code body-limits.image} (3 MB);</li>
 * <li>other forms: {@code server.tomcat.max-http-form-post-size};</li>
 * <li>workflow files sent to the API as base64 in JSON: {@code body-limits.workflow-json} (7 MB), with a declared
 *     length, read by the endpoint once the token and the rate limit let it through (not buffered here);</li>
 * <li>any other body (JSON from the pages' scripts): {@code body-limits.raw} (64 KB).</li>
 * </ul>
 * A declared {@code Content-Length} over the limit is refused at once, without reading the body (and a
 * client that sent {@code Expect: 100-continue} is never asked to send it). A body without a length
 * (chunked) that is not a form is read into memory up to the limit and refused the moment it goes over;
 * chunked forms and uploads are counted by Tomcat against the same form and multipart limits. Refusals are
 * {@code 413}: the friendly error page for people, an RFC 9457 problem detail for webhooks and API clients.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimits.class);
    // the pages that take a workflow file, and those that take an image
    private static final Pattern WORKFLOW_UPLOADS = Pattern.compile("/seller/workflows/(new|[^/]+/edit|[^/]+/versions)");
    // the API's workflow uploads: the file base64-encoded in JSON (5 MB of file is about 6.7 MB of JSON)
    private static final Pattern WORKFLOW_JSON_UPLOADS = Pattern.compile("/api/v1/me/workflows(/[^/]+/versions)?");
    private static final Pattern IMAGE_UPLOADS = Pattern.compile(
            "/seller/workflows/[^/]+/screenshots|/seller/store/avatar|/api/v1/me/workflows/[^/]+/screenshots");

    private final SecuritySettings.BodyLimits limits;
    private final long formLimit;
    private final long uploadLimit;
    private final JsonMapper json = JsonMapper.builder().build();

    RequestSizeLimits(SecuritySettings settings,
                      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit,
                      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) {
        this.limits = settings.bodyLimits();
        this.formLimit = formLimit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
    }

    /** Which limit applies, and whether the body is read here (raw bodies) or by Tomcat (forms, uploads). */
    record Limit(long bytes, boolean raw, boolean lengthRequired) {

        Limit(long bytes, boolean raw) {
            this(bytes, raw, false);
        }
    }

    Limit limitFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/webhooks/")) {
            return new Limit(limits.webhook().toBytes(), true);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            if (WORKFLOW_UPLOADS.matcher(path).matches()) {
                return new Limit(uploadLimit, false);
            }
            return new Limit(IMAGE_UPLOADS.matcher(path).matches() ? limits.image().toBytes() : formLimit, false);
        }
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return new Limit(formLimit, false);
        }
        if (WORKFLOW_JSON_UPLOADS.matcher(path).matches()) {
            // read by the endpoint itself, after the token and the rate limit are checked, never buffered here: so the
            // length must be declared (and Tomcat reads no more than it)
            return new Limit(limits.workflowJson().toBytes(), false, true);
        }
        return new Limit(limits.raw().toBytes(), true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        String transferEncoding = request.getHeader("Transfer-Encoding");
        boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        Limit limit = limitFor(request);
        if (declared > limit.bytes()) {
            refuse(request, response, limit);
            return;
        }
        if (limit.lengthRequired() && declared <= 0) {
            lengthRequired(request, response);
            return;
        }
        if (!limit.raw()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
        if (body.length > limit.bytes()) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Limit limit) throws IOException {
        log.info("Refused a request body over {} bytes: {} {} (Content-Length {})", limit.bytes(), request.getMethod(),
                request.getRequestURI(), request.getContentLengthLong());
        if (!wantsProblemDetail(request)) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        problem(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Content Too Large",
                "This endpoint accepts request bodies of at most " + limit.bytes() + " bytes.", Map.of("maxBytes", limit.bytes()));
    }

    private void lengthRequired(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "Length Required",
                "Send the file with a Content-Length header (not chunked).", Map.of());
    }

    /** An RFC 9457 problem detail, and the connection closed once it is on its way (the client may still be sending). */
    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail,
                         Map<String, Object> extra) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        response.flushBuffer();
    }

    /** Machines get a problem detail: webhooks, the API, and requests that send or accept JSON rather than HTML. */
    private static boolean wantsProblemDetail(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/webhooks/") || path.startsWith("/api/")) {
            return true;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String accept = request.getHeader("Accept") == null ? "" : request.getHeader("Accept").toLowerCase(Locale.ROOT);
        return (type.contains("json") || accept.contains("json")) && !accept.contains("text/html");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    /** The request with its body already read (within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} only when the body is read, so a client announcing a body
     * that is too large is refused before it sends a byte of it.
     */
    @Configuration(proxyBeanMethods = false)
    static class ContinueOnRead {

        @Bean
        TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
            return connector -> connector.setProperty("continueResponseTiming", "onRead");
        }
    }
}
