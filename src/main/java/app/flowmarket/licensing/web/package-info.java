@NullMarked
package app.flowmarket.licensing.web;

import org.jspecify.annotations.NullMarked;
