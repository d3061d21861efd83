@NullMarked
package app.flowmarket.newsletter.web;

import org.jspecify.annotations.NullMarked;
