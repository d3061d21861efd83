@NullMarked
package app.flowmarket.api.rest;

import org.jspecify.annotations.NullMarked;
