/**
 * Security services: sign-in throttling that cannot lock an owner out (failed attempts only, known browsers,
 * mailed sign-in links), rate limits shared by every node through Redis; later sessions and login alerts.
 */
@NullMarked
package app.flowmarket.security;

import org.jspecify.annotations.NullMarked;
