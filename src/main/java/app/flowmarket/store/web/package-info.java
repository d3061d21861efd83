@NullMarked
package app.flowmarket.store.web;

import org.jspecify.annotations.NullMarked;
