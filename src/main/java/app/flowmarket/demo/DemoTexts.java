package app.flowmarket.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each demo listing says beyond its summary: how it works step by step, what a buyer needs, and
 * what its buyers said of it (one thing they liked, one thing they learned). Our own text, one per workflow.
 */
final class DemoTexts {

    private DemoTexts() {
    }

    /** What a listing says, in the language its seller writes in. */
    record Text(String language, List<String> steps, List<String> needs, String liked, String learned) {
    }

    private static final Map<String, Text> BY_TITLE = new HashMap<>();

    static Text of(String title) {
        Text text = BY_TITLE.get(title);
        if (text == null) {
            throw new IllegalStateException("no demo text for " + title);
        }
        return text;
    }

    static boolean has(String title) {
        return BY_TITLE.containsKey(title);
    }

    private static void t(String title, String steps, String needs, String liked, String learned) {
        t("en", title, steps, needs, liked, learned);
    }

    private static void t(String language, String title, String steps, String needs, String liked, String learned) {
        BY_TITLE.put(title, new Text(language, List.of(steps.split("\\|")), List.of(needs.split("\\|")), liked, learned));
    }

    static {
        // Pipeline Pros
        t("HubSpot lead enrichment with OpenAI",
                "A HubSpot trigger fires for every new contact|The company domain is looked up over HTTP for size, industry and location|OpenAI writes a three-sentence brief a rep can read before calling|The brief and the company data are saved on the contact, and the owner gets a Slack message",
                "A HubSpot private app with read and write access to contacts|An OpenAI API key|A Slack bot invited to your sales channel",
                "My reps open a contact and the context is already there. It saves each of them a good twenty minutes a day.",
                "Every contact is one OpenAI call, so a bulk import of 5,000 contacts costs real money. Pause it before big imports.");
        t("Pipedrive deal alerts in Slack",
                "Pipedrive calls the workflow when a deal changes stage|Stage, value and owner are read from the deal|A Slack message with a button back to the deal goes to the channel of that pipeline",
                "A Pipedrive API token|A Slack bot allowed to post in your deal channels",
                "Simple and it just works. The channel per pipeline is a nice touch.",
                "Deals dragged back and forth on the board post every time; we added a filter for forward moves only.");
        t("Inbound lead router",
                "A Typeform answer starts the scenario|The lead is scored on company size, budget and timeline|HubSpot gets a contact assigned round-robin to the next rep in the right segment|The rep is told in Slack and the lead gets a Gmail reply with the rep's calendar link",
                "Typeform with the lead form|HubSpot (any paid Sales Hub tier for owner assignment)|Slack|A Gmail or Google Workspace mailbox",
                "The round-robin is fair and the scoring rules are easy to change in one place.",
                "Put your reps' HubSpot owner ids in the data store first; the scenario stops with a clear error if one is missing.");
        t("LinkedIn to CRM contact sync",
                "A new accepted LinkedIn connection triggers the Zap|Name, title and company are cleaned up|A HubSpot contact is created or updated with a 'LinkedIn' tag|A follow-up task is due three days later",
                "A LinkedIn account connected to Zapier|HubSpot with contacts and tasks",
                "No more copying names by hand after every event. The follow-up task is what makes it work.",
                "Zapier only sees connections accepted after you turn it on; older ones need a one-off CSV import.");
        t("Daily pipeline digest e-mail",
                "Every weekday at 7:30 the workflow starts|Deals created, won and untouched for 14 days are fetched from HubSpot|One tidy HTML e-mail is built and sent from Gmail",
                "HubSpot with deals|A Gmail account to send from",
                "Free and genuinely useful. My manager reads it every morning.",
                "Change the schedule node's time zone to yours; it ships set to UTC.");
        t("Meeting booked → deal created",
                "A Calendly booking starts the Zap|The invitee is found or created in HubSpot|A deal at the 'Meeting booked' stage and a prep task are added|The account owner gets a Slack message with the questions the invitee answered",
                "Calendly (Standard plan or above for webhooks)|HubSpot|Slack",
                "The prep task with the booking answers means I walk into calls prepared.",
                "Cancelled bookings do not remove the deal; we close those by hand once a week.");
        t("Cold e-mail reply classifier",
                "New replies in the outreach Gmail label start the workflow|OpenAI reads each reply and labels it interested, not now, wrong person or unsubscribe|HubSpot is updated: lifecycle stage, a note with the reply, and an unsubscribe when asked|Interested replies are starred for a human",
                "A Gmail mailbox with an outreach label|An OpenAI API key|HubSpot",
                "It sorted four hundred replies in our first campaign with maybe three mistakes.",
                "Out-of-office replies come out as 'not now'. That is right, but add a rule if you want them ignored.");
        t("Salesforce opportunity backup to Sheets",
                "Every night the scenario runs at 2:00|Open opportunities are read from Salesforce with their amounts and close dates|A dated tab is added to a Google Sheet for finance",
                "Salesforce with API access (Enterprise edition or an API add-on)|A Google Sheet shared with the connected account",
                "Finance finally stopped asking me for exports.",
                "One tab a night adds up; we archive the sheet every quarter.");
        // AI Agent Lab
        t("Support chatbot with RAG over your docs",
                "Your Notion help pages are split into passages and stored in Pinecone (run once, then nightly)|A question from the chat widget is matched with the closest passages|OpenAI answers only from those passages and cites them|When the answer is unsure, the conversation is handed to a human in Slack",
                "Notion pages shared with the integration|A Pinecone index (the free tier fits about 2,000 pages)|An OpenAI API key|Slack for the hand-off",
                "The citations are what sold it to our support lead: every answer links to the page it came from.",
                "Re-index after big docs changes; the nightly run only picks up pages edited that day.");
        t("Telegram AI assistant with memory",
                "A message to your Telegram bot starts the agent|The last twenty messages of the chat are kept as memory|The agent answers with OpenAI and searches the web through SerpApi when it needs fresh facts|The answer comes back in the same chat",
                "A Telegram bot token from BotFather|An OpenAI API key|A SerpApi key (the free plan has 100 searches a month)",
                "It feels like a personal assistant in my pocket. Memory works across the day.",
                "Lock it to your own Telegram user id, as the setup note says, or anyone who finds the bot can use your key.");
        t("Meeting notes summariser",
                "A new transcript in a Google Drive folder starts the workflow|OpenAI pulls out decisions, action items with owners, and open questions|A formatted summary is posted in the Slack channel named in the file",
                "A Google Drive folder where your meeting tool saves transcripts|An OpenAI API key|Slack",
                "Action items with names attached: people actually do them now.",
                "Transcripts over two hours get cut; split long workshops into parts.");
        t("Competitor news monitor",
                "Every Monday the scenario reads the RSS feeds of the competitors you list|New items are grouped by company|OpenAI writes a short digest of what changed and why it matters|The digest is sent by Gmail to your team",
                "The RSS or blog feed URLs of your competitors|An OpenAI API key|Gmail",
                "A five-minute read every Monday instead of an hour of browsing.",
                "Some sites have no RSS; a Google Alerts feed for the company name is a good stand-in.");
        t("Invoice data extractor",
                "PDF invoices arriving in a Gmail label start the workflow|The text is read from each PDF|OpenAI returns vendor, invoice number, date, currency, net, tax and total as structured data|A row per invoice is added to a Google Sheet, with a link to the mail",
                "A Gmail label your invoices land in|An OpenAI API key|A Google Sheet with the column headers from the template",
                "Accurate on every invoice format we threw at it, even the scanned ones with a text layer.",
                "Pure image scans without a text layer need an OCR step first.");
        t("AI ticket triage for Zendesk",
                "A new Zendesk ticket starts the workflow|OpenAI tags it by topic, sets a priority and detects the language|A draft reply is added as an internal note for the agent|Urgent tickets are assigned to the on-call group",
                "Zendesk with an API token|An OpenAI API key",
                "The draft replies are a real head start; agents edit rather than write from scratch.",
                "Write your tag list into the prompt node; it only picks tags it knows.");
        t("Starter: ask ChatGPT from Slack",
                "Mention the bot in any channel it is in|The message is sent to OpenAI|The answer is posted in the thread",
                "A Slack app with the mentions event|An OpenAI API key",
                "A free starter that taught me how n8n talks to Slack. Great first workflow.",
                "It has no memory between threads; that is what the paid Telegram assistant adds.");
        t("Research agent to Notion",
                "You add a topic to a Notion database|The agent searches the web with SerpApi and reads the best sources|OpenAI writes a structured brief: summary, key facts, open questions, sources|The brief is saved as a Notion page under the topic",
                "A Notion database shared with the integration|A SerpApi key|An OpenAI API key",
                "The briefs are structured the same way every time, which makes them easy to skim.",
                "Each topic uses about ten searches; the SerpApi free plan runs out quickly.");
        // Shopflow
        t("Shopify low-stock alerts",
                "Every hour the workflow reads inventory levels from Shopify|Each variant is compared with its reorder point, kept in a product metafield|Products below it are listed in one Slack message and one e-mail to purchasing, once per day per product",
                "A Shopify custom app with read access to products and inventory|Slack|Gmail",
                "We have not run out of our best seller since.",
                "Set the reorder_point metafield on your products first; without it nothing is ever low.");
        t("Abandoned cart recovery sequence",
                "Shopify reports an abandoned checkout|The shopper is added to a Mailchimp journey with three e-mails over five days|When an order arrives from the same e-mail, they are taken out of the journey at once",
                "Shopify|Mailchimp with a customer journey (Standard plan)",
                "Recovered about 9 % of abandoned carts in the first month.",
                "Write your own e-mail copy in Mailchimp; the sample texts are deliberately plain.");
        t("Order to Google Sheets ledger",
                "A paid Shopify order starts the Zap|Subtotal, discounts, shipping and each tax line are split into columns|One row per order is added to the ledger sheet",
                "Shopify|A Google Sheet with the ledger template's columns",
                "Our accountant loves the tax split. Month-end takes an hour now.",
                "Refunds are not subtracted; add them from the refunds report if you need net figures.");
        t("Review request after delivery",
                "A Shopify fulfilment marked delivered starts the workflow|It waits seven days|Customers who opened a support complaint in the meantime are skipped|Everyone else gets a short Gmail message with a link to the review page",
                "Shopify with delivery tracking|Gmail",
                "Our review count doubled and the average went up because unhappy customers are not asked.",
                "The seven-day wait lives in n8n; keep the instance running or use a queue mode setup.");
        t("WooCommerce order notifications to Telegram",
                "WooCommerce calls the workflow on every new order|Items, total and shipping method are formatted|A message goes to your Telegram chat",
                "WooCommerce with a webhook for 'order created'|A Telegram bot and your chat id",
                "I hear the ping and know I sold something. Made my week.",
                "Test orders from the WooCommerce admin are sent too; that is how you check it works.");
        t("Stripe refunds report",
                "Every Monday the scenario lists last week's refunds and disputes in Stripe|They are grouped by reason and product|A summary is written to a Google Sheet and mailed by Gmail",
                "A restricted Stripe key with read access to charges, refunds and disputes|Google Sheets|Gmail",
                "We spotted a shipping problem with one product from this report within two weeks.",
                "Stripe's reasons are only as good as what you enter when refunding; make the team pick one.");
        t("Product feed sync to Airtable",
                "A new or changed Shopify product starts the Zap|Title, price, stock and images are mapped to Airtable fields|The matching Airtable record is created or updated",
                "Shopify|An Airtable base with the product table from the template",
                "Our content team plans campaigns in Airtable with live prices now.",
                "Products with many variants create one record per variant; group them with a view.");
        // Ops Autopilot
        t("Uptime incident war room",
                "UptimeRobot reports a monitor down|A Slack incident channel is opened with the monitor's name and the time|PagerDuty pages whoever is on call|Every later status change is posted in the channel as a timeline",
                "UptimeRobot with an alert contact pointing at the workflow|A Slack app allowed to create channels|PagerDuty with an integration key",
                "The timeline made our post-mortems much easier to write.",
                "Flapping monitors open a channel each time; set UptimeRobot to alert after two failed checks.");
        t("GitHub release notes to Discord",
                "Publishing a GitHub release starts the workflow|The release notes are turned from Markdown into a Discord embed|It is posted in your announcements channel",
                "A GitHub repository webhook for releases|A Discord channel webhook URL",
                "Our community sees releases the minute they ship. Zero effort.",
                "Drafts and pre-releases are skipped on purpose; flip the filter node to include them.");
        t("Failed deploy notifier",
                "A failed GitHub Actions deployment run starts the Zap|The failing job, commit and author are read|Slack gets a message with the last lines of the log and a link to the run",
                "GitHub|Slack",
                "Knowing who broke the deploy without opening Actions is worth the price.",
                "Only workflows named in the filter step are watched; add yours there.");
        t("SSL certificate expiry checker",
                "Every morning the workflow checks the certificate of each domain in its list|The days left are worked out for each|Certificates with 21 days or fewer left are reported in Slack and by e-mail, once a day",
                "The list of domains to check (edited in the first node)|Slack|Gmail",
                "Saved us from an expired certificate on a forgotten marketing domain.",
                "Domains behind a CDN report the CDN's certificate, which is usually what you want.");
        t("Jira bug intake from Sentry",
                "A new Sentry issue starts the scenario|It searches Jira for an issue with the same Sentry fingerprint|A new bug is created only when none exists, with the stack trace and a link|Repeat events add a comment with the count instead",
                "A Sentry internal integration with a webhook|Jira Software with permission to create issues",
                "No more duplicate bugs. The fingerprint search is the clever bit.",
                "Map your Sentry projects to Jira projects in the router; unknown ones go to a default project.");
        t("Weekly cloud cost report",
                "Every Monday the workflow reads last week's AWS costs by service|They are compared with the week before|A table goes to a Google Sheet and a summary with the biggest changes to Slack",
                "An AWS IAM user with Cost Explorer read access|Google Sheets|Slack",
                "The week-over-week change is what gets attention. We caught a forgotten GPU instance.",
                "Cost Explorer charges a cent per API call; this workflow makes about ten a week.");
        t("New hire IT onboarding",
                "A new employee in BambooHR starts the Zap on their start date minus five days|A Google Workspace account is created and added to the team's groups|The manager gets the temporary password privately|A welcome message goes to Slack on day one",
                "BambooHR|A Google Workspace admin account|Slack",
                "New people have their accounts on day one. IT is not chased any more.",
                "Group names must match the department names in BambooHR exactly.");
        // Growth Garage
        t("Blog post to social media everywhere",
                "A published WordPress post starts the scenario|OpenAI writes a post for each network in the right length and tone|The posts go out on LinkedIn and X, with the article's image",
                "WordPress with the REST API on|An OpenAI API key|LinkedIn and X accounts connected to Make",
                "The LinkedIn versions sound like us, not like a robot.",
                "X's API costs money for posting now; check your plan before you turn that branch on.");
        t("Newsletter signup to Mailchimp with tags",
                "A Typeform answer starts the Zap|Answers become Mailchimp tags (interests, company size)|The person is added or updated in your audience with double opt-in",
                "Typeform|A Mailchimp audience",
                "Tags from the form mean our segments are right from day one. And it is free.",
                "Keep the tag names short; Mailchimp cuts them at 100 characters.");
        t("SEO content brief generator",
                "You type a keyword into the form|The top ten Google results are fetched through SerpApi|OpenAI writes a brief: search intent, outline, questions to answer, word count|The brief is saved as a Google Doc",
                "A SerpApi key|An OpenAI API key|Google Docs",
                "Our freelance writers get a consistent brief every time.",
                "Results are for google.com in English; change the locale in the SerpApi node for other markets.");
        t("YouTube video to blog post",
                "A new video on your YouTube channel starts the workflow|Its transcript is fetched|OpenAI turns it into a blog post with headings and a summary|A draft is created in WordPress for you to edit",
                "Your YouTube channel id|An OpenAI API key|WordPress with an application password",
                "One video, one draft post. Our blog finally keeps up with the channel.",
                "Videos without captions have no transcript; turn on auto-captions first.");
        t("UTM link builder in Sheets",
                "You add a row with a URL, source, medium and campaign to the sheet|The scenario builds the tagged URL with consistent lowercase values|Bitly shortens it and the short link is written back to the row",
                "A Google Sheet from the template|A Bitly account",
                "Our analytics stopped showing 'Facebook', 'facebook' and 'fb' as three sources.",
                "Bitly's free plan has a monthly link limit; the scenario tells you when it is reached.");
        t("Social mentions to Slack",
                "Every 15 minutes the workflow searches X and Reddit for your brand terms|Mentions already seen are skipped|New ones are posted in a Slack channel with author and link",
                "X API access for search|A Reddit app|Slack",
                "We answer mentions within the hour now.",
                "Exclude your own accounts in the search terms, or every post you make shows up.");
        t("Webinar registrant follow-up",
                "A Zoom webinar ending starts the Zap|Attendees and no-shows are read from the report|Attendees get the slides; no-shows get the recording, each through a different Mailchimp tag",
                "Zoom with webinars|Mailchimp",
                "Different follow-ups for no-shows got us twice the replay views.",
                "Zoom's report is ready a few minutes after the webinar; the Zap waits ten minutes for it.");
        t("Monthly marketing KPI dashboard",
                "On the first of each month the workflow reads last month's sessions and conversions from Google Analytics|Newsletter growth and open rates come from Mailchimp|Everything lands in one row of a Google Sheet dashboard with charts",
                "Google Analytics 4 with a service account|Mailchimp|A copy of the dashboard sheet",
                "One sheet for the monthly meeting instead of four tabs open.",
                "GA4 numbers settle after two days; the workflow runs on the third for that reason.");
        // Desk Zen
        t("Gmail attachments to Google Drive",
                "New mail from the senders you list starts the workflow|Each attachment is saved in a Drive folder named after the sender and the month|The mail gets a 'saved' label",
                "Gmail|Google Drive",
                "Free, tidy, and my invoices are finally in one place.",
                "Inline images in signatures are skipped on purpose by the size filter.");
        t("Daily agenda in Telegram",
                "Every morning at 7:00 the workflow reads today's Google Calendar events|Your top Todoist tasks for today are added|One message with the day's plan goes to Telegram",
                "Google Calendar|Todoist|A Telegram bot",
                "I read my day over coffee. Small thing, big difference.",
                "All-day events come first; the time zone is the calendar's own.");
        t("Notion task from starred e-mails",
                "Starring an e-mail in Gmail starts the Zap|A Notion task is created with the subject, sender and a link back to the mail|The due date is tomorrow unless the mail names one",
                "Gmail|A Notion task database shared with Zapier",
                "My inbox is empty and nothing gets lost.",
                "Unstarring does not delete the task; that is by design.");
        t("Meeting scheduler with buffers",
                "A Calendly booking request comes in|Google Calendar is checked for travel time and focus blocks around the slot|Slots that would break a buffer are declined with a friendly note and two alternatives",
                "Calendly|Google Calendar",
                "Back-to-back meetings are over for me.",
                "Buffers are set in the first module: 15 minutes by default, 45 for events with a location.");
        t("Weekly review template generator",
                "Every Friday afternoon the workflow collects the tasks you completed in Todoist this week|A weekly review page is created in Notion with them, grouped by project|Prompts for wins, lessons and next week's priorities are added",
                "Todoist|A Notion page to put the reviews under",
                "I actually do my weekly review now that the page is waiting for me.",
                "Recurring tasks show once per completion; filter them out if that is noise for you.");
        t("Receipts to expense sheet",
                "You forward a receipt to a dedicated Gmail address|The amount, date and merchant are read from the mail and its attachment|A row is added to your expense sheet with a link to the receipt",
                "A Gmail address or alias for receipts|A Google Sheet from the template",
                "Expense reports take five minutes instead of a Sunday afternoon.",
                "Receipts in foreign currencies are logged as they are; add a conversion column if you need one.");
        t("Clipboard of links to Airtable",
                "You send a link to your Telegram bot|The page title and description are fetched|A record is added to your Airtable reading list with the date",
                "A Telegram bot|An Airtable base with a reading list table",
                "The cheapest useful thing I have bought this year.",
                "Pages behind a login only give their URL, not a title.");
        // Support Stack
        t("Intercom conversation tagging",
                "A new Intercom conversation starts the Zap|Keywords in the first message pick a topic tag|The conversation is tagged and assigned to the team for that topic|Slack gets a note for billing and outage topics",
                "Intercom|Slack",
                "Routing is instant; the billing team gets billing questions only.",
                "Keyword lists need care in the first weeks; review the 'untagged' view daily at first.");
        t("CSAT survey after ticket close",
                "A solved Zendesk ticket starts the workflow|The customer gets a one-click Typeform survey|Answers are matched to the ticket and logged in a Google Sheet by agent and week",
                "Zendesk|Typeform|Google Sheets",
                "Response rate went from 4 % to 22 % with the one-click survey.",
                "Tickets re-opened and solved again send a second survey; the sheet shows both.");
        t("VIP customer escalation",
                "A new Zendesk ticket starts the scenario|The requester's lifetime value is looked up in Stripe|Tickets from customers above your threshold are set to urgent and posted in a priority Slack channel",
                "Zendesk|A restricted Stripe key with read access to customers and charges|Slack",
                "Our biggest customers get answers in minutes, and they noticed.",
                "Match customers by e-mail: make sure support and billing use the same address.");
        t("Freshdesk to Jira bridge",
                "A Freshdesk ticket tagged 'bug' starts the workflow|A linked Jira issue is created with the ticket's details|When the Jira issue changes status, the ticket gets a private note and the customer is updated on release",
                "Freshdesk with an API key|Jira Software",
                "Support and engineering finally look at the same thing.",
                "Two-way sync means a webhook in both tools; the setup guide walks through it.");
        t("Support inbox daily summary",
                "Every weekday at 8:00 the workflow reads open Zendesk tickets|They are counted by age and priority|An e-mail with the numbers and the ten oldest tickets goes to the team",
                "Zendesk|Gmail",
                "Free and it keeps old tickets from hiding.",
                "Tickets on hold count as open; change the status filter if you want them out.");
        t("Multilingual auto-reply drafts",
                "A new Help Scout conversation starts the workflow|The customer's language is detected|OpenAI drafts a reply in that language from your saved replies|The draft is saved in the conversation for an agent to check and send",
                "Help Scout|An OpenAI API key",
                "We answer in German and Spanish without hiring for it.",
                "Drafts are never sent on their own; keep it that way.");
        t("Feedback board to Trello",
                "Feature requests arrive by e-mail or from the form|The workflow looks for an existing card with the same request|New requests become Trello cards; repeats add a vote and the customer's name",
                "A Gmail label or form for requests|A Trello board with the template's lists",
                "We know which requests matter because the votes pile up on one card.",
                "Matching is by title words; merge near-duplicates by hand now and then.");
        // Ledger Loop
        t("Invoice reminders for overdue clients",
                "Every morning the workflow lists overdue invoices in QuickBooks|A polite reminder goes out at 3 days, a firmer one at 10, and a last one at 20|Reminders stop the moment the invoice is paid",
                "QuickBooks Online|Gmail",
                "Our average days-to-pay dropped by a week.",
                "Write the three reminder texts in your own voice; they sit in the Gmail nodes.");
        t("Stripe payouts to Xero",
                "A Stripe payout starts the scenario|The charges, refunds and fees in it are listed|A Xero bank transaction is created per payout with fees on their own line, ready to reconcile",
                "A restricted Stripe key with read access to payouts and balance transactions|Xero with a Stripe clearing account",
                "Reconciliation is one click per payout now. My accountant is thrilled.",
                "Multi-currency payouts need one clearing account per currency in Xero.");
        t("Candidate pipeline in Airtable",
                "A job application from Typeform starts the Zap|A candidate record is created in Airtable at the 'Applied' stage with the CV|The candidate gets an acknowledgement by Gmail",
                "Typeform|An Airtable base from the template|Gmail",
                "A real applicant tracker for the price of a coffee.",
                "Large CVs over 5 MB are linked rather than attached.");
        t("Interview scheduling assistant",
                "A candidate moved to the interview stage in Greenhouse starts the workflow|Free slots shared by the panel are found in Google Calendar|The candidate picks one from an e-mail|The event is booked for everyone with the video link",
                "Greenhouse with the Harvest API|Google Calendar for every interviewer|Gmail",
                "Scheduling a four-person panel used to take days of e-mails.",
                "Interviewers' calendars must be shared with the connected account at free/busy level at least.");
        t("Monthly revenue report",
                "On the first of each month the workflow reads last month's subscriptions and charges from Stripe|MRR, new MRR, churn and new customers are worked out|The numbers go into a Google Sheet and a summary e-mail",
                "A restricted Stripe key with read access|Google Sheets|Gmail",
                "The MRR figures match our billing tool to the penny.",
                "Annual plans are spread over twelve months, as MRR should be.");
        t("Expense approval flow",
                "An expense added to the sheet starts the scenario|The submitter's manager gets a Slack message with Approve and Reject buttons|The decision and its time are written back to the sheet",
                "A Google Sheet from the template|A Slack app with interactive messages",
                "Approvals happen in Slack where managers already are.",
                "Managers are looked up on the 'People' tab; keep it current.");
        t("Employee anniversary shout-outs",
                "Every morning the Zap reads work anniversaries for today from BambooHR|A message with the years and the person's team goes to Slack",
                "BambooHR|Slack",
                "Free and people love it.",
                "People who asked for privacy in BambooHR are skipped; check the field is set.");

        // Atelier Flux (French)
        t("fr", "Relances de factures impayées par e-mail",
                "Chaque matin, le workflow lit dans Pennylane les factures arrivées à échéance|Une première relance aimable part à J+3, une deuxième plus ferme à J+10, une dernière à J+20 avec la facture jointe|Dès que la facture est marquée payée, les relances s’arrêtent",
                "Un compte Pennylane avec une clé d’API|Une boîte Gmail ou Google Workspace pour l’envoi",
                "Nos retards de paiement ont fondu en deux mois, et les clients trouvent le ton correct.",
                "Pensez à renseigner l’e-mail de facturation de chaque client dans Pennylane, sinon la relance part au contact principal.");
        t("fr", "Avis Google publiés dans Slack",
                "Toutes les heures, les nouveaux avis de votre fiche Google sont récupérés|L’IA propose une réponse courte dans le ton de votre marque|L’avis et la réponse proposée arrivent dans un canal Slack, prêts à être copiés",
                "Un accès à votre fiche d’établissement Google|Une clé d’API OpenAI|Un bot Slack invité dans le canal",
                "On répond enfin à tous les avis, même le week-end.",
                "Relisez toujours la réponse proposée avant de la publier : l’IA ne connaît pas vos horaires exceptionnels.");
        t("fr", "Rapport hebdomadaire des ventes Shopify",
                "Chaque lundi à 8 h, le scénario lit les commandes de la semaine dans Shopify|Les chiffres sont ajoutés à une feuille Google pour l’historique|Un e-mail récapitule le chiffre d’affaires, les paniers abandonnés et les cinq meilleurs produits",
                "Une boutique Shopify|Une feuille Google Sheets|Une boîte Gmail",
                "Gratuit et très propre, toute l’équipe le lit le lundi matin.",
                "Les remboursements de la semaine sont déduits du chiffre d’affaires, ce qui surprend la première fois.");
        // Flujo Claro (Spanish)
        t("es", "Respuestas de WhatsApp con IA",
                "Cada mensaje nuevo de WhatsApp Business inicia el workflow|La IA busca la respuesta en tus preguntas frecuentes y contesta en el idioma del cliente|Si no está segura o el cliente pide una persona, se crea un ticket en Zendesk con la conversación",
                "Una cuenta de WhatsApp Business con la API de Cloud|Una clave de API de OpenAI|Zendesk",
                "Contestamos al instante a la mitad de los mensajes y el equipo se centra en los casos difíciles.",
                "Mantén tu lista de preguntas frecuentes al día: la IA solo responde con lo que pone ahí.");
        t("es", "Leads de formularios a HubSpot",
                "Una respuesta nueva de Typeform inicia el escenario|Se limpia el nombre, la empresa y el origen de la campaña|Se crea o actualiza el contacto en HubSpot con una tarea de seguimiento para el comercial",
                "Typeform con tu formulario|HubSpot con contactos y tareas",
                "Ya no se pierde ningún lead del formulario y el origen llega bien a HubSpot.",
                "Los campos ocultos de Typeform (utm_source, utm_campaign) tienen que estar activados en el formulario.");
        t("es", "Resumen diario de tickets",
                "Cada día laborable a las 8:00 se leen los tickets abiertos en Freshdesk|Se agrupan por antigüedad y prioridad|Un correo claro llega a todo el equipo de soporte",
                "Una clave de API de Freshdesk|Una cuenta de Gmail",
                "Sencillo y útil, empezamos el día sabiendo qué urge.",
                "Los tickets en espera del cliente no cuentan; se puede cambiar en el primer nodo.");
        // Ablaufwerk (German)
        t("de", "Belege aus dem Postfach nach Google Drive",
                "Neue E-Mails mit PDF-Anhang im Postfach starten den Workflow|Lieferant und Rechnungsdatum werden aus Absender und Dateiname gelesen|Die Datei wird umbenannt und im Monatsordner in Google Drive abgelegt",
                "Ein Gmail- oder Google-Workspace-Postfach|Google Drive mit einem Ordner für Belege",
                "Die Steuerberaterin findet jetzt jeden Beleg im richtigen Ordner.",
                "Leg einen eigenen Filter für Rechnungen an, sonst landen auch Newsletter-PDFs im Ordner.");
        t("de", "Server-Ausfälle in Microsoft Teams melden",
                "Jede Minute werden deine Adressen per HTTP abgefragt|Nach zwei Fehlversuchen in Folge geht eine Meldung an den Teams-Kanal|Sobald der Dienst wieder antwortet, folgt eine Entwarnung mit der Ausfalldauer",
                "Die Adressen deiner Dienste|Einen eingehenden Webhook in Microsoft Teams",
                "Günstig und zuverlässig, wir wissen jetzt vor den Kunden Bescheid.",
                "Für Seiten hinter einer Anmeldung brauchst du einen eigenen Health-Check-Endpunkt.");
        t("de", "Urlaubsanträge mit Freigabe",
                "Ein Antrag im Google-Formular startet das Szenario|Die Führungskraft bekommt eine E-Mail mit Links zum Genehmigen oder Ablehnen|Genehmigte Urlaube werden im Teamkalender eingetragen und der Antragsteller informiert",
                "Ein Google-Formular aus der Vorlage|Gmail|Einen gemeinsamen Google-Kalender",
                "Kein Papierkram mehr, und der Teamkalender stimmt endlich.",
                "Die Führungskräfte stehen im Blatt 'Team'; halte es bei Wechseln aktuell.");
    }
}
