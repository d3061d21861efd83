package app.flowmarket.demo;

import java.util.List;

import app.flowmarket.catalog.Platform;
import app.flowmarket.shared.Slugs;

/** Builds small but valid export files for each platform from a list of integrations (n8n node names). */
final class DemoFiles {

    private DemoFiles() {
    }

    static String fileName(DemoCatalog.DemoWorkflow workflow) {
        return Slugs.slugify(workflow.title(), 60) + (workflow.platform() == Platform.MAKE ? ".blueprint.json" : ".json");
    }

    /**
     * An n8n export as careless sellers upload it: a payment key typed into a header and a private Slack webhook address
     * (both made up, in the shapes the real ones have), for the moderation queue to show.
     */
    static String leakyN8n(String title) {
        String key = "sk_" + "live_" + "51Demo9Xq2LmT7vKpR4sWz8Y";
        String hook = "https://hooks.slack.com/services/" + "T0DEMO123/B0DEMO456/" + "q9XvLm2Rt8sKpW4zY7bN3cD1";
        return """
                {"name": %s, "nodes": [
                 {"id": "n0", "name": "Stripe Trigger", "type": "n8n-nodes-base.stripeTrigger", "typeVersion": 1, "position": [0, 0],
                  "parameters": {"events": ["payment_intent.payment_failed"]}},
                 {"id": "n1", "name": "Fetch customer", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4, "position": [220, 0],
                  "parameters": {"url": "=https://api.stripe.com/v1/customers/{{ $json.data.object.customer }}",
                   "sendHeaders": true, "headerParameters": {"parameters": [{"name": "Authorization", "value": "Bearer %s"}]}}},
                 {"id": "n2", "name": "Post to Slack", "type": "n8n-nodes-base.httpRequest", "typeVersion": 4, "position": [440, 0],
                  "parameters": {"method": "POST", "url": "%s", "sendBody": true,
                   "bodyParameters": {"parameters": [{"name": "text", "value": "=Payment failed for {{ $json.email }}"}]}}}
                ], "connections": {"Stripe Trigger": {"main": [[{"node": "Fetch customer", "type": "main", "index": 0}]]},
                                   "Fetch customer": {"main": [[{"node": "Post to Slack", "type": "main", "index": 0}]]}}}
                """.formatted(quote(title), key, hook);
    }

    /**
     * The n8n export of a listing with one more node, as a seller in a hurry adds it: a Slack alert posted to a private
     * webhook address typed into the node (made up, in the shape real ones have).
     */
    static String withLeakedWebhook(String title, List<String> integrations) {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode export = (tools.jackson.databind.node.ObjectNode) json.readTree(n8n(title, integrations));
        tools.jackson.databind.node.ObjectNode alert = ((tools.jackson.databind.node.ArrayNode) export.get("nodes")).addObject();
        alert.put("id", "alert").put("name", "Alert on Slack").put("type", "n8n-nodes-base.httpRequest").put("typeVersion", 4);
        alert.putArray("position").add(0).add(200);
        alert.putObject("parameters").put("method", "POST")
                .put("url", "https://hooks.slack.com/services/" + "T0DEMO789/B0DEMO012/" + "Zr5Wm8Qx2Kp7Ls4Nv9Bt6Hc3");
        return json.writeValueAsString(export);
    }

    static String export(Platform platform, String title, List<String> integrations) {
        return switch (platform) {
            case N8N -> n8n(title, integrations);
            case MAKE -> make(title, integrations);
            case ZAPIER -> zapier(title, integrations);
            case OTHER -> "{\"name\": " + quote(title) + "}";
        };
    }

    private static String n8n(String title, List<String> integrations) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder connections = new StringBuilder();
        String previous = "Schedule Trigger";
        nodes.append("{\"id\":\"n0\",\"name\":\"Schedule Trigger\",\"type\":\"n8n-nodes-base.scheduleTrigger\",\"typeVersion\":1.2,"
                + "\"position\":[0,0],\"parameters\":{\"rule\":{\"interval\":[{\"field\":\"hours\"}]}}}");
        int i = 1;
        for (String integration : integrations) {
            String name = Character.toUpperCase(integration.charAt(0)) + integration.substring(1) + " " + i;
            String type = integration.startsWith("lmChat") ? "@n8n/n8n-nodes-langchain." + integration : "n8n-nodes-base." + integration;
            nodes.append(",{\"id\":\"n").append(i).append("\",\"name\":").append(quote(name)).append(",\"type\":")
                    .append(quote(type)).append(",\"typeVersion\":").append(typeVersion(integration)).append(",\"position\":[").append(i * 220).append(",0],")
                    .append("\"parameters\":{},\"credentials\":{\"").append(integration).append("Api\":{\"id\":\"1\",\"name\":\"")
                    .append(integration).append(" account\"}}}");
            if (!connections.isEmpty()) {
                connections.append(',');
            }
            connections.append(quote(previous)).append(":{\"main\":[[{\"node\":").append(quote(name))
                    .append(",\"type\":\"main\",\"index\":0}]]}");
            previous = name;
            i++;
        }
        return "{\"name\":" + quote(title) + ",\"nodes\":[" + nodes + "],\"connections\":{" + connections
                + "},\"settings\":{\"executionOrder\":\"v1\"}}";
    }

    /**
     * The node versions the demo exports are made with: the Slack node as n8n 2.0 ships it (so the catalogue's "runs on
     * your n8n" filter has listings that need n8n 2), the others in their first version.
     */
    private static String typeVersion(String integration) {
        return "slack".equals(integration) ? "2.4" : "1";
    }

    private static String make(String title, List<String> integrations) {
        StringBuilder flow = new StringBuilder();
        int i = 1;
        for (String integration : integrations) {
            if (i > 1) {
                flow.append(',');
            }
            String app = integration.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            flow.append("{\"id\":").append(i).append(",\"module\":\"").append(app).append(i == 1 ? ":watchRecords" : ":createRecord")
                    .append("\",\"version\":1,\"parameters\":{},\"mapper\":{},\"metadata\":{\"designer\":{\"x\":")
                    .append(i * 300).append(",\"y\":0}}}");
            i++;
        }
        return "{\"name\":" + quote(title) + ",\"flow\":[" + flow + "],\"metadata\":{\"version\":1}}";
    }

    private static String zapier(String title, List<String> integrations) {
        StringBuilder steps = new StringBuilder();
        int i = 1;
        for (String integration : integrations) {
            if (i > 1) {
                steps.append(',');
            }
            String api = Character.toUpperCase(integration.charAt(0)) + integration.substring(1) + "API";
            steps.append("{\"id\":").append(i).append(",\"app\":\"").append(api).append("\",\"action\":\"")
                    .append(i == 1 ? "new_item" : "create_item").append("\",\"type_of\":\"").append(i == 1 ? "read" : "write")
                    .append("\",\"params\":{}}");
            i++;
        }
        return "{\"metadata\":{\"version\":\"1.0\"},\"zaps\":[{\"id\":1,\"title\":" + quote(title) + ",\"steps\":[" + steps + "]}]}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
