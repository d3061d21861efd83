@NullMarked
package app.flowmarket.catalog.web.admin;

import org.jspecify.annotations.NullMarked;
