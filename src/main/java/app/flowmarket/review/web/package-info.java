@NullMarked
package app.flowmarket.review.web;

import org.jspecify.annotations.NullMarked;
