@NullMarked
package app.flowmarket.platform.embedded;

import org.jspecify.annotations.NullMarked;
