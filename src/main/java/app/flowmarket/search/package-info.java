/**
 * Search: full-text search over the catalogue (its index, mapped onto the catalogue's listings and kept in
 * step from the catalogue's events; facets, suggestions, the index check at start), saved searches with
 * alerts, and the signed-in person's search history.
 */
@NullMarked
package app.flowmarket.search;

import org.jspecify.annotations.NullMarked;
