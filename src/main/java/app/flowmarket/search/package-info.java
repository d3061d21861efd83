/**
 * Search: the signed-in person's search history (recent searches, removable, can be switched off); later full-text
 * search, saved searches and alerts.
 */
package app.flowmarket.search;
