@NullMarked
package app.flowmarket.preview.web;

import org.jspecify.annotations.NullMarked;
