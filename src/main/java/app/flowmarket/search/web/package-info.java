@NullMarked
package app.flowmarket.search.web;

import org.jspecify.annotations.NullMarked;
