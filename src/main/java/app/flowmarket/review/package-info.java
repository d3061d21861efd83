/**
 * Reviews: 1-5 stars with text by buyers of a workflow (one each, editable), helpful votes, ratings (reports go to the moderation module).
 */
@NullMarked
package app.flowmarket.review;

import org.jspecify.annotations.NullMarked;
