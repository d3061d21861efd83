/**
 * Questions and answers under a workflow: anyone signed in asks, the seller and other people answer (one level
 * deep), the asker accepts an answer, upvotes order them; edits within a window, soft deletes (reports go to the moderation module).
 */
@NullMarked
package app.flowmarket.qa;

import org.jspecify.annotations.NullMarked;
