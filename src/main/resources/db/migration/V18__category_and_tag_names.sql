-- Category and tag names in the other languages of the site. The English name stays on category/tag;
-- a language without a row here shows the English one.

create table category_name (
    category_id uuid not null references category (id) on delete cascade,
    language    varchar(8) not null check (language ~ '^[a-z]{2}$'),
    name        varchar(80) not null,
    description varchar(300) not null default '',
    primary key (category_id, language)
);

create table tag_name (
    tag_id   uuid not null references tag (id) on delete cascade,
    language varchar(8) not null check (language ~ '^[a-z]{2}$'),
    name     varchar(60) not null,
    primary key (tag_id, language)
);

insert into category_name (category_id, language, name, description)
select c.id, t.language, t.name, t.description
from (values
    ('marketing', 'fr', 'Marketing', 'Campagnes, réseaux sociaux, SEO et newsletters en pilote automatique.'),
    ('marketing', 'es', 'Marketing', 'Campañas, redes sociales, SEO y newsletters en piloto automático.'),
    ('marketing', 'de', 'Marketing', 'Kampagnen, Social Media, SEO und Newsletter auf Autopilot.'),
    ('sales-crm', 'fr', 'Ventes et CRM', 'Capture de prospects, enrichissement, pipelines et relances.'),
    ('sales-crm', 'es', 'Ventas y CRM', 'Captación de leads, enriquecimiento, embudos y seguimientos.'),
    ('sales-crm', 'de', 'Vertrieb & CRM', 'Lead-Erfassung, Anreicherung, Pipelines und Nachfassen.'),
    ('ai-agents', 'fr', 'IA et agents', 'Assistants à base de LLM, pipelines RAG et agents IA.'),
    ('ai-agents', 'es', 'IA y agentes', 'Asistentes con LLM, pipelines RAG y agentes de IA.'),
    ('ai-agents', 'de', 'KI & Agenten', 'LLM-Assistenten, RAG-Pipelines und KI-Agenten.'),
    ('productivity', 'fr', 'Productivité', 'Agendas, tâches, notes et automatisation personnelle.'),
    ('productivity', 'es', 'Productividad', 'Calendarios, tareas, notas y automatización personal.'),
    ('productivity', 'de', 'Produktivität', 'Kalender, Aufgaben, Notizen und persönliche Automatisierung.'),
    ('devops-it', 'fr', 'DevOps et IT', 'Supervision, alertes, déploiements et gestion des incidents.'),
    ('devops-it', 'es', 'DevOps e IT', 'Monitorización, alertas, despliegues y respuesta a incidentes.'),
    ('devops-it', 'de', 'DevOps & IT', 'Monitoring, Alarme, Deployments und Incident Response.'),
    ('ecommerce', 'fr', 'E-commerce', 'Commandes, stocks, expédition et messages aux clients.'),
    ('ecommerce', 'es', 'Comercio electrónico', 'Pedidos, inventario, envíos y mensajes a clientes.'),
    ('ecommerce', 'de', 'E-Commerce', 'Bestellungen, Lagerbestand, Versand und Kundennachrichten.'),
    ('finance', 'fr', 'Finance et comptabilité', 'Factures, notes de frais, paiements et reporting.'),
    ('finance', 'es', 'Finanzas y contabilidad', 'Facturas, gastos, pagos e informes.'),
    ('finance', 'de', 'Finanzen & Buchhaltung', 'Rechnungen, Ausgaben, Zahlungen und Berichte.'),
    ('customer-support', 'fr', 'Support client', 'Tickets, help desks, chat et boucles de retours.'),
    ('customer-support', 'es', 'Atención al cliente', 'Tickets, help desks, chat y ciclos de feedback.'),
    ('customer-support', 'de', 'Kundensupport', 'Tickets, Helpdesks, Chat und Feedback-Schleifen.'),
    ('data-reporting', 'fr', 'Données et reporting', 'Synchronisez, transformez et analysez vos données.'),
    ('data-reporting', 'es', 'Datos e informes', 'Sincroniza, transforma y analiza tus datos.'),
    ('data-reporting', 'de', 'Daten & Berichte', 'Synchronisiere, transformiere und berichte über deine Daten.'),
    ('hr-recruiting', 'fr', 'RH et recrutement', 'Recrutement, intégration des nouveaux et gestion des équipes.'),
    ('hr-recruiting', 'es', 'RR. HH. y selección', 'Procesos de selección, incorporación y gestión de personas.'),
    ('hr-recruiting', 'de', 'HR & Recruiting', 'Bewerbungsprozesse, Onboarding und Personalwesen.')
) as t (slug, language, name, description)
join category c on c.slug = t.slug;

-- brand names (Slack, GitHub...) are the same in every language; the others are translated
insert into tag_name (tag_id, language, name)
select g.id, t.language, t.name
from (values
    ('webhooks', 'fr', 'Webhooks'), ('webhooks', 'es', 'Webhooks'), ('webhooks', 'de', 'Webhooks'),
    ('lead-generation', 'fr', 'Génération de prospects'), ('lead-generation', 'es', 'Generación de leads'),
    ('lead-generation', 'de', 'Lead-Generierung'),
    ('reporting', 'fr', 'Reporting'), ('reporting', 'es', 'Informes'), ('reporting', 'de', 'Berichte'),
    ('social-media', 'fr', 'Réseaux sociaux'), ('social-media', 'es', 'Redes sociales'), ('social-media', 'de', 'Social Media'),
    ('chatbot', 'fr', 'Chatbot'), ('chatbot', 'es', 'Chatbot'), ('chatbot', 'de', 'Chatbot'),
    ('email-marketing', 'fr', 'E-mailing'), ('email-marketing', 'es', 'Email marketing'), ('email-marketing', 'de', 'E-Mail-Marketing'),
    ('monitoring', 'fr', 'Supervision'), ('monitoring', 'es', 'Monitorización'), ('monitoring', 'de', 'Monitoring'),
    ('invoicing', 'fr', 'Facturation'), ('invoicing', 'es', 'Facturación'), ('invoicing', 'de', 'Rechnungsstellung'),
    ('scheduling', 'fr', 'Planification'), ('scheduling', 'es', 'Programación'), ('scheduling', 'de', 'Terminplanung')
) as t (slug, language, name)
join tag g on g.slug = t.slug;

-- which version of the search index's mapping the index was last built with: a new mapping (a new field,
-- such as the tags' translated names) rebuilds the index at the next start
create table search_index_state (
    singleton       boolean primary key default true check (singleton),
    mapping_version int not null
);
