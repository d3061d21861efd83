@NullMarked
package app.flowmarket;

import org.jspecify.annotations.NullMarked;
