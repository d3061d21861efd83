/**
 * n8n: a buyer's own n8n browses their purchases and the free catalogue through n8n's template-host API
 * ({@code N8N_TEMPLATES_HOST}) at a per-buyer address, with tokens the buyer creates and revokes in Settings.
 */
@NullMarked
package app.flowmarket.n8n;

import org.jspecify.annotations.NullMarked;
