/**
 * Trial and preview: the read-only graph of a workflow that every visitor sees (names, types, places, connections; never
 * a setting), and the free preview file a seller may offer to signed-in people before they buy.
 */
@NullMarked
package app.flowmarket.preview;

import org.jspecify.annotations.NullMarked;
