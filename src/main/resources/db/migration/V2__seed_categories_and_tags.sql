insert into category (id, slug, name, description, position) values
    (gen_random_uuid(), 'marketing', 'Marketing', 'Campaigns, social media, SEO and newsletters on autopilot.', 1),
    (gen_random_uuid(), 'sales-crm', 'Sales & CRM', 'Lead capture, enrichment, pipelines and follow-ups.', 2),
    (gen_random_uuid(), 'ai-agents', 'AI & Agents', 'LLM-powered assistants, RAG pipelines and AI agents.', 3),
    (gen_random_uuid(), 'productivity', 'Productivity', 'Calendars, tasks, notes and personal automation.', 4),
    (gen_random_uuid(), 'devops-it', 'DevOps & IT', 'Monitoring, alerts, deployments and incident response.', 5),
    (gen_random_uuid(), 'ecommerce', 'E-commerce', 'Orders, inventory, fulfilment and customer messages.', 6),
    (gen_random_uuid(), 'finance', 'Finance & Accounting', 'Invoices, expenses, payments and reporting.', 7),
    (gen_random_uuid(), 'customer-support', 'Customer Support', 'Tickets, help desks, chat and feedback loops.', 8),
    (gen_random_uuid(), 'data-reporting', 'Data & Reporting', 'Sync, transform and report on your data.', 9),
    (gen_random_uuid(), 'hr-recruiting', 'HR & Recruiting', 'Hiring pipelines, onboarding and people ops.', 10);

insert into tag (id, slug, name) values
    (gen_random_uuid(), 'slack', 'Slack'), (gen_random_uuid(), 'google-sheets', 'Google Sheets'),
    (gen_random_uuid(), 'openai', 'OpenAI'), (gen_random_uuid(), 'gmail', 'Gmail'),
    (gen_random_uuid(), 'notion', 'Notion'), (gen_random_uuid(), 'airtable', 'Airtable'),
    (gen_random_uuid(), 'hubspot', 'HubSpot'), (gen_random_uuid(), 'shopify', 'Shopify'),
    (gen_random_uuid(), 'stripe', 'Stripe'), (gen_random_uuid(), 'telegram', 'Telegram'),
    (gen_random_uuid(), 'discord', 'Discord'), (gen_random_uuid(), 'github', 'GitHub'),
    (gen_random_uuid(), 'webhooks', 'Webhooks'), (gen_random_uuid(), 'lead-generation', 'Lead generation'),
    (gen_random_uuid(), 'reporting', 'Reporting'), (gen_random_uuid(), 'social-media', 'Social media'),
    (gen_random_uuid(), 'rag', 'RAG'), (gen_random_uuid(), 'chatbot', 'Chatbot'),
    (gen_random_uuid(), 'email-marketing', 'Email marketing'), (gen_random_uuid(), 'monitoring', 'Monitoring'),
    (gen_random_uuid(), 'invoicing', 'Invoicing'), (gen_random_uuid(), 'scheduling', 'Scheduling');
