/**
 * Stores: a seller's public storefront (name, slug, bio, avatar, links); opening one makes a buyer a seller.
 */
@NullMarked
package app.flowmarket.store;

import org.jspecify.annotations.NullMarked;
