/**
 * Stores: a seller's public storefront (name, slug, bio, avatar, links); opening one makes a buyer a seller.
 */
package app.flowmarket.store;
