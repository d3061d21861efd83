/**
 * Moderation: automatic checks of what people publish (secrets left in workflow files first), and the queue admins
 * work through.
 */
@NullMarked
package app.flowmarket.moderation;

import org.jspecify.annotations.NullMarked;
