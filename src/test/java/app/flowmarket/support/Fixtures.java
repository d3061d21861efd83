package app.flowmarket.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Test data. */
public final class Fixtures {

    public static final String PASSWORD = "lantern-Quartz-meadow-81";

    private Fixtures() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    public static String uniqueSlug(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A made-up word the search analyzers keep whole (letters only), so a test finds only its own listings. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("qx");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + java.util.concurrent.ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    public static byte[] n8nWorkflow(String name) {
        return ("""
                {"name": "%s", "nodes": [
                  {"id": "1", "name": "When clicking", "type": "n8n-nodes-base.manualTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
                  {"id": "2", "name": "Send to Slack", "type": "n8n-nodes-base.slack", "typeVersion": 2, "position": [200, 0], "parameters": {"text": "hi"}},
                  {"id": "3", "name": "Log to sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 4, "position": [400, 0], "parameters": {}}
                 ],
                 "connections": {"When clicking": {"main": [[{"node": "Send to Slack", "type": "main", "index": 0}]]},
                                 "Send to Slack": {"main": [[{"node": "Log to sheet", "type": "main", "index": 0}]]}}}
                """).formatted(name).getBytes(StandardCharsets.UTF_8);
    }
}
