@NullMarked
package app.flowmarket.api.web;

import org.jspecify.annotations.NullMarked;
