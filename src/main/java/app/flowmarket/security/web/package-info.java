@NullMarked
package app.flowmarket.security.web;

import org.jspecify.annotations.NullMarked;
