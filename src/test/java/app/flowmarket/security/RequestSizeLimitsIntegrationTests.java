package app.flowmarket.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import app.flowmarket.IntegrationTest;
import app.flowmarket.catalog.SellerFixture;
import app.flowmarket.support.Fixtures;
import app.flowmarket.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Request bodies are refused once they pass what their endpoint needs, before the server holds them, on the wire. */
@IntegrationTest
class RequestSizeLimitsIntegrationTests {

    static final long TWO_HUNDRED_MB = 200L * 1024 * 1024;

    @LocalServerPort
    int port;

    interface BodyWriter {
        void write(OutputStream out, AtomicLong sent) throws IOException;
    }

    record Exchange(String response, long bytesSentWhenAnswered) {

        int status() {
            return Integer.parseInt(response.substring(9, 12));
        }

        String body() {
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? "" : response.substring(end + 4);
        }
    }

    /** Talks HTTP/1.1 on a socket: sends the head, streams the body from another thread, and reads the answer while it streams. */
    Exchange exchange(String head, BodyWriter body) throws Exception {
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = body == null ? null : Thread.ofVirtual().start(() -> {
                try {
                    body.write(out, sent);
                } catch (IOException refusedByTheServer) {
                    // the server closed the connection on a body it does not want
                }
            });
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            long sentWhenAnswered = -1;
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (sentWhenAnswered < 0) {
                        sentWhenAnswered = sent.get();
                    }
                    received.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // what was received before the reset is the answer
            }
            socket.close();
            if (writer != null) {
                writer.join(10_000);
            }
            return new Exchange(received.toString(StandardCharsets.UTF_8), sentWhenAnswered);
        }
    }

    static BodyWriter chunked(long total) {
        return (out, sent) -> {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < total; written += chunk.length) {
                out.write(size);
                out.write(chunk);
                out.write(crlf);
                sent.addAndGet(chunk.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        };
    }

    String head(String path, String contentType, String lengthHeader, String... extra) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: " + contentType + "\r\n" + lengthHeader + "\r\n"
                + String.join("", Arrays.stream(extra).map(h -> h + "\r\n").toList()) + "\r\n";
    }

    @Test
    void aHugeWebhookWithoutALengthIsRefusedOnceItPassesItsLimitWithAProblemDetail() throws Exception {
        Exchange exchange = exchange(head("/webhooks/payments", "application/json", "Transfer-Encoding: chunked"), chunked(TWO_HUNDRED_MB));

        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.response()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(exchange.body()).contains("\"status\":413").contains("\"title\":\"Content Too Large\"").contains("65536");
        assertThat(exchange.bytesSentWhenAnswered()).as("refused long before the 200 MB were sent").isLessThan(TWO_HUNDRED_MB / 4);
    }

    @Test
    void aWebhookAnnouncingAHugeBodyIsRefusedBeforeItSendsAByteOfIt() throws Exception {
        Exchange exchange = exchange(head("/webhooks/payments", "application/json", "Content-Length: " + TWO_HUNDRED_MB,
                "Expect: 100-continue"), null);

        assertThat(exchange.response()).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
        assertThat(exchange.body()).contains("Content Too Large");
    }

    @Test
    void aSmallWebhookWithoutALengthIsStillReadAndJudgedOnItsSignature() throws Exception {
        byte[] payload = "{\"id\": \"evt_small\", \"type\": \"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
        Exchange exchange = exchange(head("/webhooks/payments", "application/json", "Transfer-Encoding: chunked", "Connection: close"), (out, sent) -> {
            out.write((Integer.toHexString(payload.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        });

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.body()).contains("Invalid webhook");
    }

    @Test
    void scriptsPostingTooMuchJsonGetAProblemDetail() throws Exception {
        Exchange exchange = exchange(head("/settings/push/subscriptions", "application/json", "Content-Length: 100000", "Expect: 100-continue"), null);

        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.body()).contains("Content Too Large");
    }

    @Test
    void theApisWorkflowUploadsMustDeclareTheirLengthSoNothingIsBufferedBeforeTheTokenIsChecked() throws Exception {
        Exchange chunked = exchange(head("/api/v1/me/workflows", "application/json", "Transfer-Encoding: chunked"), chunked(1_000_000));
        Exchange declared = exchange(head("/api/v1/me/workflows", "application/json", "Content-Length: " + (8L * 1024 * 1024),
                "Expect: 100-continue"), null);

        assertThat(chunked.status()).isEqualTo(411);
        assertThat(chunked.body()).contains("Length Required");
        assertThat(declared.status()).isEqualTo(413);
    }

    @Test
    void aPersonPostingAnOversizedFormGetsTheFriendlyPage() throws Exception {
        Exchange declared = exchange(head("/newsletter", "application/x-www-form-urlencoded", "Content-Length: 400000",
                "Accept: text/html", "Expect: 100-continue"), null);
        Exchange chunked = exchange(head("/newsletter", "application/x-www-form-urlencoded", "Transfer-Encoding: chunked", "Accept: text/html"),
                chunked(400_000));

        for (Exchange exchange : new Exchange[] {declared, chunked}) {
            assertThat(exchange.status()).isEqualTo(413);
            assertThat(exchange.response()).containsIgnoringCase("Content-Type: text/html");
            assertThat(exchange.body()).contains("That was more than this page accepts in one go");
        }
    }

    @Test
    void anUploadAnnouncingMoreThanTheUploadLimitIsRefusedBeforeItIsSent() throws Exception {
        Exchange exchange = exchange(head("/seller/workflows/new", "multipart/form-data; boundary=x", "Content-Length: " + (41L * 1024 * 1024),
                "Accept: text/html", "Expect: 100-continue"), null);

        assertThat(exchange.status()).isEqualTo(413);
        assertThat(exchange.body()).contains("Workflow files can be up to 5 MB");
    }

    @Test
    void theSellersWorkflowUploadStillTakesLargeFiles() {
        WebSession seller = SellerFixture.newSeller(port);
        Map<String, String> form = Map.of("title", "Large upload " + Fixtures.uniqueSlug("u"), "summary", "A workflow made by a test.",
                "description", "", "platform", "n8n", "price", "5", "currency", "USD", "category", "", "tags", "");

        WebSession.Page accepted = seller.postMultipart("/seller/workflows/new", form, "file", "large.json", n8nWorkflowOf(4_500_000));
        WebSession.Page tooLargeForTheParser = seller.postMultipart("/seller/workflows/new", form, "file", "huge.json", n8nWorkflowOf(11_000_000));

        assertThat(accepted.assertStatus(302).location()).startsWith("/seller/workflows/");
        assertThat(tooLargeForTheParser.assertStatus(200).body()).contains("The file is larger than 5 MB");
    }

    /** A valid n8n export of about the given size (a long note on its trigger). */
    static byte[] n8nWorkflowOf(int bytes) {
        String note = "lorem ipsum dolor sit amet ".repeat(bytes / 27 + 1);
        return ("""
                {"name": "Large", "nodes": [
                  {"id": "1", "name": "When clicking", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0],
                   "parameters": {}, "notes": "%s"},
                  {"id": "2", "name": "Send to Slack", "type": "n8n-nodes-base.slack", "typeVersion": 2, "position": [200, 0], "parameters": {}}
                 ],
                 "connections": {"When clicking": {"main": [[{"node": "Send to Slack", "type": "main", "index": 0}]]}}}
                """).formatted(note).getBytes(StandardCharsets.UTF_8);
    }
}
