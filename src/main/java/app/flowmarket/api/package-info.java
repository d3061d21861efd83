/**
 * The public API for third-party integrations: personal access tokens (Settings → API) with scopes, and the
 * REST surface under {@code /api/v1} and GraphQL at {@code /graphql} over the other modules' public services,
 * rate-limited per token or address.
 */
@NullMarked
package app.flowmarket.api;

import org.jspecify.annotations.NullMarked;
