/**
 * Security services: rate limits on sign-in (Redis-backed buckets shared by every node); later sessions and login alerts.
 */
package app.flowmarket.security;
