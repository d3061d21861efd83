@NullMarked
package app.flowmarket.commerce.web;

import org.jspecify.annotations.NullMarked;
