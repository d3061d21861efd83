package app.flowmarket.catalog;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The apps a workflow can talk to: each under its proper name ("AMQP", "Google Sheets", "HubSpot"), with
 * its icon when the kept icon set has one. A workflow file names an app by a node type or module id
 * ({@code n8n-nodes-base.amqp}, {@code google-sheets:addRow}, {@code SlackAPI}); every spelling of one app
 * comes down to the same key here, so the parser, the cards, the workflow page and the apps facet all say
 * the same name. Icons are tiles in {@code static/img/apps/} made from Simple Icons (CC0); apps without one
 * get a neutral monogram.
 */
public final class Apps {

    /** One app: its proper name and its icon file's name under {@code /img/apps/}, or null for the monogram. */
    public record App(String name, @Nullable String icon) implements java.io.Serializable {

        public boolean hasIcon() {
            return icon != null;
        }

        public @Nullable String iconUrl() {
            return icon == null ? null : "/img/apps/" + icon + ".svg";
        }

        /** One or two letters for the neutral tile of an app without an icon. */
        public String monogram() {
            String[] words = name.replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return "?";
            }
            String first = words[0].substring(0, 1);
            String second = words.length > 1 && !words[1].isEmpty() ? words[1].substring(0, 1) : "";
            return (first + second).toUpperCase(Locale.ROOT);
        }
    }

    private static final Map<String, App> BY_KEY = new HashMap<>();

    // name, icon (Simple Icons slug, or null), then every key the app goes by besides its name's own
    static {
        a("ActiveCampaign", null);
        a("ActiveMQ", null, "apacheactivemq");
        a("Airtable", "airtable");
        a("AMQP", null);
        a("Anthropic", "anthropic", "claude");
        a("Asana", "asana");
        a("AWS", null, "amazonwebservices");
        a("AWS Lambda", null, "awslambda");
        a("AWS Rekognition", null);
        a("AWS Textract", null);
        a("Amazon S3", null, "awss3", "s3");
        a("Amazon SES", null, "awsses");
        a("Amazon SNS", null, "awssns");
        a("Amazon SQS", null, "awssqs");
        a("BambooHR", null);
        a("Bannerbear", null);
        a("Baserow", "baserow");
        a("Bitly", "bitly");
        a("Calendly", "calendly");
        a("ClickUp", "clickup");
        a("Clearbit", null);
        a("Clickatell", null);
        a("Clockify", "clockify");
        a("CrateDB", "cratedb");
        a("DeepSeek", "deepseek");
        a("Discord", "discord");
        a("Dropbox", "dropbox");
        a("Dropcontact", null);
        a("Elasticsearch", "elasticsearch");
        a("ElevenLabs", "elevenlabs");
        a("Evolution API", null, "evolution");
        a("Facebook", "facebook", "facebookgraph", "facebookgraphapi", "facebookleadads");
        a("Freshdesk", null);
        a("Ghost", "ghost");
        a("GitHub", "github");
        a("GitLab", "gitlab");
        a("Gmail", "gmail");
        a("Google Analytics", "googleanalytics");
        a("Google BigQuery", "googlebigquery", "bigquery");
        a("Google Business Profile", null, "googlemybusiness");
        a("Google Forms", null);
        a("Google Calendar", "googlecalendar");
        a("Google Cloud Natural Language", "googlecloud");
        a("Google Docs", "googledocs");
        a("Google Drive", "googledrive");
        a("Google Gemini", "googlegemini", "gemini", "googlepalm");
        a("Google Sheets", "googlesheets", "googlesheetstrigger", "sheets");
        a("Google Slides", "googleslides");
        a("Google Tasks", "googletasks");
        a("Google Translate", "googletranslate");
        a("Google Workspace", "google", "googleadmin");
        a("Greenhouse", "greenhouse");
        a("Groq", null);
        a("Hacker News", "ycombinator");
        a("Help Scout", "helpscout");
        a("HubSpot", "hubspot");
        a("Intercom", "intercom");
        a("Jira", "jira", "jirasoftware");
        a("Jotform", null);
        a("Lemlist", null);
        a("LinkedIn", null);
        a("Mailchimp", "mailchimp");
        a("MailerLite", null);
        a("Mailjet", null);
        a("Mattermost", "mattermost");
        a("Mautic", "mautic");
        a("Microsoft Excel", null, "excel");
        a("Microsoft Outlook", null, "outlook");
        a("Microsoft Teams", null, "teams");
        a("Mindee", null);
        a("Mistral AI", "mistralai", "mistral", "mistralcloud");
        a("monday.com", null, "monday");
        a("MongoDB", "mongodb");
        a("MQTT", "mqtt");
        a("MySQL", "mysql");
        a("NASA", "nasa");
        a("Nextcloud", "nextcloud");
        a("NocoDB", null);
        a("Notion", "notion");
        a("Ollama", "ollama");
        a("OneDrive", null, "microsoftonedrive");
        a("Onfleet", null);
        a("OpenAI", null, "chatgpt", "openaiassistant", "openaigpt3");
        a("OpenRouter", "openrouter");
        a("OpenWeatherMap", null);
        a("PagerDuty", "pagerduty");
        a("Pennylane", null);
        a("Pinecone", null);
        a("Pipedrive", null);
        a("PostgreSQL", "postgresql", "postgres");
        a("Postmark", null);
        a("ProfitWell", null);
        a("Qdrant", "qdrant");
        a("QuickBooks", "quickbooks", "quickbooksonline");
        a("RabbitMQ", "rabbitmq");
        a("Reddit", "reddit");
        a("Redis", "redis");
        a("Rocket.Chat", "rocketdotchat");
        a("RSS", "rss", "rssfeed");
        a("Salesforce", null);
        a("SendGrid", null);
        a("Sentry", "sentry");
        a("SerpApi", null, "serp");
        a("ServiceNow", null);
        a("Shopify", "shopify");
        a("Slack", null);
        a("Spotify", "spotify");
        a("Strava", "strava");
        a("Stripe", "stripe");
        a("Supabase", "supabase");
        a("Taiga", null);
        a("Telegram", "telegram");
        a("Todoist", "todoist");
        a("Trello", "trello");
        a("Twilio", null);
        a("Typeform", "typeform");
        a("uProc", null);
        a("UptimeRobot", null);
        a("urlscan.io", null, "urlscan");
        a("Webflow", "webflow");
        a("WhatsApp", "whatsapp", "whatsappbusiness", "whatsappbusinesscloud");
        a("Wise", "wise");
        a("WooCommerce", "woocommerce");
        a("WordPress", "wordpress");
        a("X (Twitter)", "x", "twitter", "x");
        a("Xero", "xero");
        a("YouTube", "youtube");
        a("Zendesk", "zendesk");
        a("Zoom", "zoom");
    }

    private Apps() {
    }

    private static void a(String name, @Nullable String icon, String... aliases) {
        App app = new App(name, icon);
        BY_KEY.put(key(name), app);
        for (String alias : aliases) {
            BY_KEY.put(key(alias), app);
        }
    }

    /**
     * The app a name, node type or module id stands for; an app not in the table keeps the given words,
     * each capitalised, and a monogram. The key drops case, accents, spaces and punctuation, so
     * "google-sheets", "googleSheets", "Google Sheets" and a stored "Googlesheets" are one app.
     */
    public static App of(String nameOrId) {
        String text = nameOrId == null ? "" : nameOrId.strip();
        App known = BY_KEY.get(key(text));
        if (known != null) {
            return known;
        }
        return new App(capitalise(text), null);
    }

    /** The app of the table a name, node type or module id stands for, if it is one. */
    public static java.util.Optional<App> known(String nameOrId) {
        return java.util.Optional.ofNullable(nameOrId == null ? null : BY_KEY.get(key(nameOrId)));
    }

    /** The apps of a list of names, in the same order. */
    public static List<App> of(List<String> names) {
        return names.stream().map(Apps::of).toList();
    }

    /** The proper name of an app, found through any of its spellings. */
    public static String name(String nameOrId) {
        return of(nameOrId).name();
    }

    /** Every app in the table (for tests and for the icon set's upkeep). */
    static List<App> all() {
        return BY_KEY.values().stream().distinct().sorted(java.util.Comparator.comparing(App::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    static String key(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String capitalise(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.split("[\\s_-]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
