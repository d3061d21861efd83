/**
 * Catalogue: workflows (listing, validated workflow files, versions, screenshots), categories and tags; the home
 * page, workflow and store pages. Searching it is the search module's work.
 */
@NullMarked
package app.flowmarket.catalog;

import org.jspecify.annotations.NullMarked;
