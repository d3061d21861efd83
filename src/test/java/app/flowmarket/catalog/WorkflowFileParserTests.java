package app.flowmarket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import app.flowmarket.shared.DomainException;
import org.junit.jupiter.api.Test;

class WorkflowFileParserTests {

    static final String N8N = """
            {"name": "Leads to Slack",
             "nodes": [
               {"id": "1", "name": "Every hour", "type": "n8n-nodes-base.scheduleTrigger", "typeVersion": 1, "position": [0, 0], "parameters": {}},
               {"id": "2", "name": "Read sheet", "type": "n8n-nodes-base.googleSheets", "typeVersion": 4, "position": [200, 0], "parameters": {}},
               {"id": "3", "name": "Summarise", "type": "@n8n/n8n-nodes-langchain.lmChatOpenAi", "typeVersion": 1, "position": [400, 0], "parameters": {}},
               {"id": "4", "name": "Post", "type": "n8n-nodes-base.slack", "typeVersion": 2, "position": [600, 0],
                "parameters": {"channel": "#sales"}, "credentials": {"slackApi": {"id": "9", "name": "Slack"}}},
               {"id": "5", "name": "Note", "type": "n8n-nodes-base.stickyNote", "typeVersion": 1, "position": [0, 300], "parameters": {"content": "hi"}}
             ],
             "connections": {"Every hour": {"main": [[{"node": "Read sheet", "type": "main", "index": 0}]]}}}
            """;

    static ParsedWorkflow parse(Platform platform, String json) {
        return WorkflowFileParser.parse(platform, json.getBytes(StandardCharsets.UTF_8));
    }

    static String key(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError("no DomainException");
    }

    @Test
    void extractsNodesAndIntegrationsFromAnN8nExport() {
        ParsedWorkflow parsed = parse(Platform.N8N, N8N);

        assertThat(parsed.name()).isEqualTo("Leads to Slack");
        assertThat(parsed.nodeCount()).isEqualTo(5);
        assertThat(parsed.integrations()).containsExactly("Google Sheets", "OpenAI", "Slack");
        assertThat(parsed.secretWarnings()).isEmpty();
    }

    @Test
    void flagsSecretsLeftInParametersButNotCredentialReferencesOrExpressions() {
        String json = """
                {"nodes": [
                  {"name": "Call API", "type": "n8n-nodes-base.httpRequest", "parameters": {
                     "headers": {"Authorization": "Bearer sk-proj-abcdefghijklmnopqrstuvwxyz123456"},
                     "apiKey": "={{ $env.API_KEY }}", "password": "hunter2hunter2"}},
                  {"name": "Slack", "type": "n8n-nodes-base.slack", "parameters": {}, "credentials": {"slackApi": {"id": "1", "name": "prod"}}}
                 ], "connections": {}}
                """;

        ParsedWorkflow parsed = parse(Platform.N8N, json);

        assertThat(parsed.secretWarnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("Call API").contains("Authorization"))
                .anySatisfy(w -> assertThat(w).contains("password"));
    }

    @Test
    void rejectsFilesThatAreNotN8nExportsWithANamedProblem() {
        assertThat(key(() -> parse(Platform.N8N, ""))).isEqualTo("workflow.file.empty");
        assertThat(key(() -> parse(Platform.N8N, "{not json"))).isEqualTo("workflow.file.not-json");
        assertThat(key(() -> parse(Platform.N8N, "[1, 2]"))).isEqualTo("workflow.file.n8n.not-object");
        assertThat(key(() -> parse(Platform.N8N, "{\"connections\": {}}"))).isEqualTo("workflow.file.n8n.no-nodes");
        assertThat(key(() -> parse(Platform.N8N, "{\"nodes\": []}"))).isEqualTo("workflow.file.n8n.no-connections");
        assertThat(key(() -> parse(Platform.N8N, "{\"nodes\": [{\"name\": \"x\"}], \"connections\": {}}")))
                .isEqualTo("workflow.file.n8n.bad-node");
        assertThat(key(() -> parse(Platform.N8N, "{\"nodes\": [], \"connections\": {}}"))).isEqualTo("workflow.file.no-steps");
        assertThat(key(() -> WorkflowFileParser.parse(Platform.N8N, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00})))
                .isEqualTo("workflow.file.not-text");
        assertThat(key(() -> WorkflowFileParser.parse(Platform.N8N, new byte[WorkflowFileParser.MAX_BYTES + 1])))
                .isEqualTo("workflow.file.too-large");
    }

    @Test
    void aMakeBlueprintIsNotAnN8nWorkflowAndViceVersa() {
        String make = """
                {"name": "Make it", "flow": [{"id": 1, "module": "slack:CreateMessage", "version": 1, "parameters": {}, "mapper": {}}]}
                """;
        assertThat(key(() -> parse(Platform.N8N, make))).isEqualTo("workflow.file.n8n.no-nodes");
        assertThat(key(() -> parse(Platform.MAKE, N8N))).isEqualTo("workflow.file.make.no-flow");
    }

    @Test
    void extractsModulesFromAMakeBlueprintIncludingRouterBranches() {
        String json = """
                {"name": "Router demo", "flow": [
                  {"id": 1, "module": "google-sheets:watchRows", "version": 2, "parameters": {}, "mapper": {}, "metadata": {"designer": {"x": 0, "y": 0}}},
                  {"id": 2, "module": "builtin:BasicRouter", "version": 1, "routes": [
                     {"flow": [{"id": 3, "module": "slack:CreateMessage", "version": 1, "mapper": {"text": "hi"}}]},
                     {"flow": [{"id": 4, "module": "openai-gpt-3:CreateCompletion", "version": 1, "mapper": {}}]}
                  ]}
                ], "metadata": {"version": 1}}
                """;

        ParsedWorkflow parsed = parse(Platform.MAKE, json);

        assertThat(parsed.nodeCount()).isEqualTo(4);
        assertThat(parsed.integrations()).as("in the order of the flow").containsExactly("Google Sheets", "Slack", "OpenAI");
    }

    @Test
    void rejectsMakeModulesWithoutAnAppAndAction() {
        assertThat(key(() -> parse(Platform.MAKE, "{\"flow\": [{\"id\": 1}]}"))).isEqualTo("workflow.file.make.bad-module");
        assertThat(key(() -> parse(Platform.MAKE, "{\"flow\": []}"))).isEqualTo("workflow.file.no-steps");
    }

    @Test
    void readsBothCommonZapierExportShapes() {
        String list = """
                {"metadata": {"version": "1"}, "zaps": [{"id": 1, "title": "New leads", "steps": [
                   {"app": "TypeformAPI", "action": "new_entry"},
                   {"app": "GoogleSheetsV2API@2.1.0", "action": "add_row"},
                   {"app": "FilterAPI", "action": "filter"}]}]}
                """;
        String map = """
                {"zaps": [{"title": "Map shape", "nodes": {
                   "1": {"selected_api": "SlackCLIAPI@1.2.3", "action": "channel_message", "title": "Tell the team"}}}]}
                """;

        ParsedWorkflow fromList = parse(Platform.ZAPIER, list);
        ParsedWorkflow fromMap = parse(Platform.ZAPIER, map);

        assertThat(fromList.name()).isEqualTo("New leads");
        assertThat(fromList.integrations()).as("in the order of the steps").containsExactly("Typeform", "Google Sheets");
        assertThat(fromMap.integrations()).containsExactly("Slack");
        assertThat(fromMap.nodes()).extracting(ParsedWorkflow.Node::name).containsExactly("Tell the team");
    }

    @Test
    void rejectsJsonThatIsNotAZapierExport() {
        assertThat(key(() -> parse(Platform.ZAPIER, "{\"hello\": 1}"))).isEqualTo("workflow.file.zapier.no-zaps");
        assertThat(key(() -> parse(Platform.ZAPIER, "{\"zaps\": [{\"title\": \"x\"}]}"))).isEqualTo("workflow.file.zapier.no-steps");
        assertThat(key(() -> parse(Platform.ZAPIER, "{\"zaps\": [{\"steps\": [{\"action\": \"x\"}]}]}")))
                .isEqualTo("workflow.file.zapier.bad-step");
    }

    @Test
    void namesIntegrationsTheWayPeopleKnowThem() {
        assertThat(WorkflowFileParser.n8nIntegration("n8n-nodes-base.githubTrigger")).contains("GitHub");
        assertThat(WorkflowFileParser.n8nIntegration("n8n-nodes-base.microsoftOutlook")).contains("Microsoft Outlook");
        assertThat(WorkflowFileParser.n8nIntegration("n8n-nodes-base.googleCalendarTool")).contains("Google Calendar");
        assertThat(WorkflowFileParser.n8nIntegration("@n8n/n8n-nodes-langchain.vectorStorePinecone")).contains("Pinecone");
        assertThat(WorkflowFileParser.n8nIntegration("n8n-nodes-base.if")).isEmpty();
        assertThat(WorkflowFileParser.n8nIntegration("@n8n/n8n-nodes-langchain.agent")).isEmpty();
        assertThat(WorkflowFileParser.zapierApp("GoogleSheetsV2API@2.1.0")).isEqualTo("Google Sheets");
    }

    @Test
    void refusesPathologicallyDeepJson() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(key(() -> parse(Platform.N8N, deep))).isEqualTo("workflow.file.not-json");
    }
}
