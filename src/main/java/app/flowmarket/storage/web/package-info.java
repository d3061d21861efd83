@NullMarked
package app.flowmarket.storage.web;

import org.jspecify.annotations.NullMarked;
