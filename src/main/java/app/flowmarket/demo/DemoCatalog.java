package app.flowmarket.demo;

import java.util.List;
import java.util.Objects;

import app.flowmarket.catalog.Platform;

/** The demo marketplace's content: our own, written for this purpose. */
final class DemoCatalog {

    private DemoCatalog() {
    }

    record DemoWorkflow(String title, String summary, Platform platform, long priceCents, String category,
                        List<String> tags, List<String> integrations) {
    }

    record DemoStore(String name, String slug, String owner, String bio, String website, String currency,
                     List<DemoWorkflow> workflows) {
    }

    static final Platform N = Platform.N8N;
    static final Platform M = Platform.MAKE;
    static final Platform Z = Platform.ZAPIER;

    static DemoWorkflow w(String title, String summary, Platform platform, long cents, String category, String tags, String integrations) {
        return new DemoWorkflow(title, summary, platform, cents, category, List.of(tags.split(",")), List.of(integrations.split(",")));
    }

    static final List<DemoStore> STORES = List.of(
            new DemoStore("Pipeline Pros", "pipeline-pros", "Sofia Reyes",
                    "We build **sales automations** that keep your pipeline moving while you sleep.\n\n- 10 years of CRM consulting\n- Every workflow tested on real accounts",
                    "https://example.com/pipeline-pros", "USD", List.of(
                    w("HubSpot lead enrichment with OpenAI", "Enrich every new HubSpot contact with company data and an AI-written summary for your reps.", N, 2900, "sales-crm", "HubSpot,OpenAI,Lead generation", "hubspot,httpRequest,lmChatOpenAi,slack"),
                    w("Pipedrive deal alerts in Slack", "Post a rich Slack message whenever a Pipedrive deal moves stage, with owner and value.", N, 900, "sales-crm", "Slack,Lead generation", "pipedrive,slack"),
                    w("Inbound lead router", "Score inbound form leads and assign them round-robin to the right sales rep.", M, 3900, "sales-crm", "Lead generation,Webhooks", "typeform,hubspot,slack,gmail"),
                    w("LinkedIn to CRM contact sync", "Turn accepted LinkedIn connections into CRM contacts with tags and follow-up tasks.", Z, 1900, "sales-crm", "Lead generation,HubSpot", "linkedin,hubspot"),
                    w("Daily pipeline digest e-mail", "Every morning, a clean e-mail summary of new, won and stalled deals.", N, 0, "data-reporting", "Reporting,Gmail", "hubspot,gmail"),
                    w("Meeting booked → deal created", "Create a deal and a prep task when a prospect books a meeting.", Z, 1200, "sales-crm", "Scheduling,HubSpot", "calendly,hubspot,slack"),
                    w("Cold e-mail reply classifier", "Classify replies to outreach as interested, not now or unsubscribe, and update the CRM.", N, 4900, "ai-agents", "OpenAI,Email marketing", "gmail,lmChatOpenAi,hubspot"),
                    w("Salesforce opportunity backup to Sheets", "Nightly export of open opportunities into a Google Sheet for finance.", M, 1500, "data-reporting", "Google Sheets,Reporting", "salesforce,googleSheets"))),
            new DemoStore("AI Agent Lab", "ai-agent-lab", "Kenji Watanabe",
                    "Practical **AI agents** for small teams: support bots, research assistants and RAG pipelines.",
                    "https://example.com/agent-lab", "USD", List.of(
                    w("Support chatbot with RAG over your docs", "Answer customer questions from your Notion docs with citations, handing off to a human when unsure.", N, 7900, "ai-agents", "RAG,Chatbot,OpenAI,Notion", "notion,lmChatOpenAi,pinecone,slack"),
                    w("Telegram AI assistant with memory", "A personal Telegram assistant that remembers context and can search the web.", N, 3900, "ai-agents", "Telegram,Chatbot,OpenAI", "telegram,lmChatOpenAi,serpApi"),
                    w("Meeting notes summariser", "Summarise meeting transcripts into decisions and action items posted to Slack.", N, 2500, "productivity", "OpenAI,Slack", "googleDrive,lmChatOpenAi,slack"),
                    w("Competitor news monitor", "Watch competitors' news and blogs and send a weekly AI digest.", M, 2900, "marketing", "OpenAI,Reporting", "rss,openai,gmail"),
                    w("Invoice data extractor", "Pull totals, dates and vendors from PDF invoices into a spreadsheet with AI.", N, 4500, "finance", "Invoicing,OpenAI,Google Sheets", "gmail,lmChatOpenAi,googleSheets"),
                    w("AI ticket triage for Zendesk", "Tag, prioritise and draft replies for new Zendesk tickets.", N, 5900, "customer-support", "OpenAI,Chatbot", "zendesk,lmChatOpenAi"),
                    w("Starter: ask ChatGPT from Slack", "A free starter: mention the bot in Slack and get an answer in the thread.", N, 0, "ai-agents", "Slack,OpenAI,Chatbot", "slack,lmChatOpenAi"),
                    w("Research agent to Notion", "Give a topic, get a structured research brief with sources saved in Notion.", N, 6900, "ai-agents", "Notion,OpenAI,RAG", "lmChatOpenAi,serpApi,notion"))),
            new DemoStore("Shopflow", "shopflow", "Amara Okafor",
                    "E-commerce automations for Shopify and WooCommerce stores. Fewer spreadsheets, happier customers.",
                    "https://example.com/shopflow", "EUR", List.of(
                    w("Shopify low-stock alerts", "Get a Slack and e-mail alert when any product drops below its reorder point.", N, 1200, "ecommerce", "Shopify,Slack,Monitoring", "shopify,slack,gmail"),
                    w("Abandoned cart recovery sequence", "A three-step e-mail sequence for abandoned checkouts, stopping when the order arrives.", M, 3400, "ecommerce", "Shopify,Email marketing", "shopify,mailchimp"),
                    w("Order to Google Sheets ledger", "Every paid order lands in a Google Sheet with taxes and shipping split out.", Z, 900, "finance", "Shopify,Google Sheets", "shopify,googleSheets"),
                    w("Review request after delivery", "Ask for a review seven days after delivery, only for happy customers.", N, 1900, "ecommerce", "Shopify,Email marketing", "shopify,gmail"),
                    w("WooCommerce order notifications to Telegram", "Instant Telegram messages for new WooCommerce orders.", N, 0, "ecommerce", "Telegram", "wooCommerce,telegram"),
                    w("Stripe refunds report", "A weekly report of refunds and disputes from Stripe, grouped by reason.", M, 1500, "finance", "Stripe,Reporting", "stripe,googleSheets,gmail"),
                    w("Product feed sync to Airtable", "Keep an Airtable catalogue in sync with your Shopify products.", Z, 1400, "ecommerce", "Shopify,Airtable", "shopify,airtable"))),
            new DemoStore("Ops Autopilot", "ops-autopilot", "Lars Becker",
                    "DevOps and IT automations: monitoring, incident response and housekeeping.",
                    "https://example.com/ops-autopilot", "EUR", List.of(
                    w("Uptime incident war room", "When a monitor goes down, open an incident channel, page on-call and start a timeline.", N, 4900, "devops-it", "Monitoring,Slack", "uptimeRobot,slack,pagerDuty"),
                    w("GitHub release notes to Discord", "Post formatted release notes to Discord whenever you publish a GitHub release.", N, 0, "devops-it", "GitHub,Discord", "github,discord"),
                    w("Failed deploy notifier", "Alert the team with logs when a CI deployment fails.", Z, 900, "devops-it", "GitHub,Slack,Monitoring", "github,slack"),
                    w("SSL certificate expiry checker", "Check your domains' certificates daily and warn 21 days before expiry.", N, 1500, "devops-it", "Monitoring", "httpRequest,slack,gmail"),
                    w("Jira bug intake from Sentry", "Create deduplicated Jira issues from new Sentry errors.", M, 2900, "devops-it", "Monitoring", "sentry,jira"),
                    w("Weekly cloud cost report", "Summarise AWS spend by service and send it every Monday.", N, 3900, "finance", "Reporting,Monitoring", "aws,googleSheets,slack"),
                    w("New hire IT onboarding", "Create accounts, add to groups and post a welcome when HR adds a hire.", Z, 2400, "hr-recruiting", "Slack", "bambooHr,googleWorkspace,slack"))),
            new DemoStore("Growth Garage", "growth-garage", "Chloé Martin",
                    "Marketing workflows for lean teams: content, social and newsletters.",
                    "https://example.com/growth-garage", "EUR", List.of(
                    w("Blog post to social media everywhere", "Publish once and share to X, LinkedIn and Facebook with platform-specific copy.", M, 1900, "marketing", "Social media,OpenAI", "wordpress,openai,linkedin,twitter"),
                    w("Newsletter signup to Mailchimp with tags", "Add signups from any form to Mailchimp with tags based on their answers.", Z, 0, "marketing", "Email marketing", "typeform,mailchimp"),
                    w("SEO content brief generator", "Turn a keyword into a structured content brief with outline and questions.", N, 2900, "marketing", "OpenAI", "serpApi,lmChatOpenAi,googleDocs"),
                    w("YouTube video to blog post", "Transcribe new YouTube videos and draft a blog post in WordPress.", N, 3500, "marketing", "OpenAI,Social media", "youTube,lmChatOpenAi,wordpress"),
                    w("UTM link builder in Sheets", "Generate consistent UTM links from a Google Sheet and shorten them.", M, 700, "marketing", "Google Sheets", "googleSheets,bitly"),
                    w("Social mentions to Slack", "Collect brand mentions from X and Reddit into one Slack channel.", N, 1200, "marketing", "Social media,Slack,Monitoring", "twitter,reddit,slack"),
                    w("Webinar registrant follow-up", "Send attendees and no-shows different follow-ups after your webinar.", Z, 1600, "marketing", "Email marketing,Scheduling", "zoom,mailchimp"),
                    w("Monthly marketing KPI dashboard", "Pull GA, ads and newsletter numbers into one Google Sheet every month.", N, 2200, "data-reporting", "Reporting,Google Sheets", "googleAnalytics,googleSheets,mailchimp"))),
            new DemoStore("Desk Zen", "desk-zen", "Priya Nair",
                    "Productivity automations that give you back an hour a day.",
                    "https://example.com/desk-zen", "USD", List.of(
                    w("Gmail attachments to Google Drive", "Save attachments from chosen senders into dated Drive folders.", N, 0, "productivity", "Gmail", "gmail,googleDrive"),
                    w("Daily agenda in Telegram", "Your calendar and top tasks sent to Telegram every morning.", N, 700, "productivity", "Telegram,Scheduling", "googleCalendar,todoist,telegram"),
                    w("Notion task from starred e-mails", "Star an e-mail, get a Notion task with a link back.", Z, 900, "productivity", "Notion,Gmail", "gmail,notion"),
                    w("Meeting scheduler with buffers", "Book meetings only with travel and focus buffers respected.", M, 1900, "productivity", "Scheduling", "googleCalendar,calendly"),
                    w("Weekly review template generator", "Create a weekly review page in Notion with last week's completed tasks.", N, 1200, "productivity", "Notion", "todoist,notion"),
                    w("Receipts to expense sheet", "Forward receipts by e-mail and get them logged with amounts in a spreadsheet.", M, 1500, "finance", "Invoicing,Google Sheets", "gmail,googleSheets"),
                    w("Clipboard of links to Airtable", "Save links from Telegram to an Airtable reading list with titles.", N, 500, "productivity", "Airtable,Telegram", "telegram,airtable"))),
            new DemoStore("Support Stack", "support-stack", "Miguel Santos",
                    "Customer support automations that cut first-response time in half.",
                    "https://example.com/support-stack", "USD", List.of(
                    w("Intercom conversation tagging", "Tag Intercom conversations by topic and route them to the right team.", Z, 2900, "customer-support", "Chatbot", "intercom,slack"),
                    w("CSAT survey after ticket close", "Send a one-click satisfaction survey when a ticket closes and log results.", N, 1500, "customer-support", "Reporting", "zendesk,typeform,googleSheets"),
                    w("VIP customer escalation", "Escalate tickets from high-value customers to a priority Slack channel.", M, 1900, "customer-support", "Slack", "zendesk,stripe,slack"),
                    w("Freshdesk to Jira bridge", "Turn bug reports in Freshdesk into linked Jira issues and sync status back.", N, 3900, "customer-support", "Webhooks", "freshdesk,jira"),
                    w("Support inbox daily summary", "A daily summary of open tickets by age and priority.", N, 0, "customer-support", "Reporting", "zendesk,gmail"),
                    w("Multilingual auto-reply drafts", "Draft replies in the customer's language for agents to review.", N, 4900, "ai-agents", "OpenAI,Chatbot", "helpScout,lmChatOpenAi"),
                    w("Feedback board to Trello", "Collect feature requests from e-mail and forms into a Trello board with votes.", Z, 1200, "customer-support", "Webhooks", "gmail,trello"))),
            new DemoStore("Ledger Loop", "ledger-loop", "Hannah Schmidt",
                    "Finance and people-ops automations for growing companies.",
                    "https://example.com/ledger-loop", "GBP", List.of(
                    w("Invoice reminders for overdue clients", "Polite, escalating reminders for overdue invoices, stopped on payment.", N, 2900, "finance", "Invoicing,Email marketing", "quickbooks,gmail"),
                    w("Stripe payouts to Xero", "Reconcile Stripe payouts into Xero with fees split out.", M, 4900, "finance", "Stripe,Invoicing", "stripe,xero"),
                    w("Candidate pipeline in Airtable", "Track applicants from your job form through interviews in Airtable.", Z, 1900, "hr-recruiting", "Airtable", "typeform,airtable,gmail"),
                    w("Interview scheduling assistant", "Offer interview slots to candidates and book the panel automatically.", N, 3400, "hr-recruiting", "Scheduling", "greenhouse,googleCalendar,gmail"),
                    w("Monthly revenue report", "MRR, churn and new customers from Stripe in a monthly e-mail.", N, 1900, "data-reporting", "Stripe,Reporting", "stripe,googleSheets,gmail"),
                    w("Expense approval flow", "Route expense claims to managers for approval in Slack.", M, 2400, "finance", "Slack", "slack,googleSheets"),
                    w("Employee anniversary shout-outs", "Celebrate work anniversaries in Slack automatically.", Z, 0, "hr-recruiting", "Slack", "bambooHr,slack"))),
            // sellers who write in their own language: their listings, texts and reviews are in French, Spanish and German
            new DemoStore("Atelier Flux", "atelier-flux", "Margaux Lefèvre",
                    "Des automatisations **n8n** pour les petites entreprises françaises : facturation, relation client, réseaux sociaux.",
                    "https://example.com/atelier-flux", "EUR", List.of(
                    w("Relances de factures impayées par e-mail", "Des relances polies puis plus fermes pour chaque facture en retard, arrêtées dès le paiement.", N, 1900, "finance", "Invoicing,Email marketing", "pennylane,gmail"),
                    w("Avis Google publiés dans Slack", "Chaque nouvel avis Google de votre établissement arrive dans Slack, avec une réponse proposée par l’IA.", N, 1500, "marketing", "Slack,OpenAI", "googleBusinessProfile,lmChatOpenAi,slack"),
                    w("Rapport hebdomadaire des ventes Shopify", "Chaque lundi, un résumé clair des ventes, paniers abandonnés et meilleurs produits de la semaine.", M, 0, "ecommerce", "Shopify,Reporting", "shopify,googleSheets,gmail"))),
            new DemoStore("Flujo Claro", "flujo-claro", "Carmen Vidal",
                    "Automatizaciones de atención al cliente y ventas para equipos de habla hispana.",
                    "https://example.com/flujo-claro", "EUR", List.of(
                    w("Respuestas de WhatsApp con IA", "Responde a las preguntas frecuentes de tus clientes en WhatsApp y pasa los casos difíciles a una persona.", N, 3900, "customer-support", "OpenAI,Chatbot", "whatsApp,lmChatOpenAi,zendesk"),
                    w("Leads de formularios a HubSpot", "Cada respuesta de tu formulario web se convierte en un contacto de HubSpot con su origen y una tarea de seguimiento.", M, 1200, "sales-crm", "HubSpot,Lead generation", "typeform,hubspot"),
                    w("Resumen diario de tickets", "Cada mañana, un correo con los tickets abiertos por antigüedad y prioridad.", N, 0, "customer-support", "Reporting", "freshdesk,gmail"))),
            new DemoStore("Ablaufwerk", "ablaufwerk", "Jonas Krüger",
                    "n8n-Workflows für Buchhaltung und IT-Betrieb im Mittelstand, DSGVO-bewusst gebaut.",
                    "https://example.com/ablaufwerk", "EUR", List.of(
                    w("Belege aus dem Postfach nach Google Drive", "Rechnungen aus E-Mail-Anhängen landen automatisch im richtigen Monatsordner, benannt nach Lieferant und Datum.", N, 1900, "finance", "Invoicing", "gmail,googleDrive"),
                    w("Server-Ausfälle in Microsoft Teams melden", "Prüft deine Dienste jede Minute und meldet Ausfälle und Erholung im Teams-Kanal.", N, 900, "devops-it", "Monitoring", "httpRequest,microsoftTeams"),
                    w("Urlaubsanträge mit Freigabe", "Urlaubsanträge aus einem Formular gehen zur Freigabe an die Führungskraft und landen im Teamkalender.", M, 2400, "hr-recruiting", "Scheduling", "googleForms,gmail,googleCalendar"))));

    static final List<String> BUYER_NAMES = List.of("Olivia Brown", "Liam Wilson", "Emma Johnson", "Noah Garcia",
            "Ava Martinez", "Lucas Dubois", "Mia Rossi", "Leon Fischer", "Isabella Lopez", "Mateo Silva", "Sophie Laurent",
            "Elias Weber", "Camille Bernard", "Hugo Moreau", "Lena Wagner", "Diego Torres", "Zoe Lambert", "Felix Hoffmann",
            "Lucia Romero", "Theo Girard", "Clara Schulz", "Adam Novak", "Nina Petrova", "Omar Haddad", "Yuki Tanaka",
            "Sara Lindqvist", "Jonas Berg", "Alice Fontaine", "Marco Bianchi", "Elena Costa", "Pablo Ruiz", "Ines Ferreira",
            "Tom Baker", "Grace Kim", "Ravi Patel", "Julia Nowak", "Victor Leroy", "Hannah Becker");

    /**
     * The listing's Markdown: how it works step by step, what a buyer needs, and how to import it. What it
     * does is the summary, shown right above the description.
     */
    static String description(DemoWorkflow w) {
        DemoTexts.Text text = DemoTexts.of(w.title());
        Headings h = Objects.requireNonNull(HEADINGS.get(text.language()), text.language());
        StringBuilder out = new StringBuilder("## ").append(h.howItWorks()).append("\n\n");
        for (int i = 0; i < text.steps().size(); i++) {
            out.append(i + 1).append(". ").append(text.steps().get(i)).append(".\n");
        }
        out.append("\n## ").append(h.whatYouNeed()).append("\n\n");
        text.needs().forEach(need -> out.append("- ").append(need).append('\n'));
        out.append("\n## ").append(h.importIt()).append("\n\n").append(switch (w.platform()) {
            case N8N -> h.n8n();
            case MAKE -> h.make();
            case ZAPIER -> h.zapier();
            case OTHER -> h.other();
        });
        return out.append('\n').toString();
    }

    private record Headings(String howItWorks, String whatYouNeed, String importIt, String n8n, String make, String zapier,
                            String other) {
    }

    private static final java.util.Map<String, Headings> HEADINGS = java.util.Map.of(
            "en", new Headings("How it works", "What you need", "Import it",
                    "In n8n, open a new workflow, choose **Import from File** in the menu, then open each node marked with a "
                            + "warning and pick your own credential.",
                    "In Make, create a scenario, choose **Import Blueprint** in the menu at the bottom, then connect each module "
                            + "to your own account.",
                    "In Zapier, go to **Zaps → Import** (Team and Enterprise plans) and choose the file; on other plans, "
                            + "the steps above are the Zap to build.",
                    "Open the file in your tool and connect your own accounts."),
            "fr", new Headings("Comment ça marche", "Ce qu’il vous faut", "L’importer",
                    "Dans n8n, ouvrez un nouveau workflow, choisissez **Import from File** dans le menu, puis ouvrez chaque nœud "
                            + "signalé par un avertissement et choisissez vos propres identifiants.",
                    "Dans Make, créez un scénario, choisissez **Import Blueprint** dans le menu du bas, puis connectez chaque module "
                            + "à votre propre compte.",
                    "Dans Zapier, allez dans **Zaps → Import** (offres Team et Enterprise) et choisissez le fichier.",
                    "Ouvrez le fichier dans votre outil et connectez vos propres comptes."),
            "es", new Headings("Cómo funciona", "Qué necesitas", "Impórtalo",
                    "En n8n, abre un workflow nuevo, elige **Import from File** en el menú y abre cada nodo marcado con un aviso "
                            + "para elegir tus propias credenciales.",
                    "En Make, crea un escenario, elige **Import Blueprint** en el menú inferior y conecta cada módulo a tu propia cuenta.",
                    "En Zapier, ve a **Zaps → Import** (planes Team y Enterprise) y elige el archivo.",
                    "Abre el archivo en tu herramienta y conecta tus propias cuentas."),
            "de", new Headings("So funktioniert es", "Was du brauchst", "Importieren",
                    "Öffne in n8n einen neuen Workflow, wähle im Menü **Import from File** und öffne jeden Knoten mit Warnhinweis, "
                            + "um deine eigenen Zugangsdaten zu wählen.",
                    "Lege in Make ein Szenario an, wähle im Menü unten **Import Blueprint** und verbinde jedes Modul mit deinem Konto.",
                    "Gehe in Zapier zu **Zaps → Import** (Team- und Enterprise-Tarife) und wähle die Datei.",
                    "Öffne die Datei in deinem Werkzeug und verbinde deine eigenen Konten."));
}
