/**
 * Social: following stores (follower counts, "Following" list); later public profiles and sharing.
 */
@NullMarked
package app.flowmarket.social;

import org.jspecify.annotations.NullMarked;
