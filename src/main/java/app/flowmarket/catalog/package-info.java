/**
 * Catalogue: workflows (listing, validated workflow files, versions, screenshots), categories and tags, browse and search.
 */
package app.flowmarket.catalog;
