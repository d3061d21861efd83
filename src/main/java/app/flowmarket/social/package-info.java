/**
 * Social: following stores (follower counts, "Following" list); later public profiles and sharing.
 */
package app.flowmarket.social;
