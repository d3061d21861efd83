@NullMarked
package app.flowmarket.platform.web;

import org.jspecify.annotations.NullMarked;
