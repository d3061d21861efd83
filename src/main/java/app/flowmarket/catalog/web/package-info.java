@NullMarked
package app.flowmarket.catalog.web;

import org.jspecify.annotations.NullMarked;
