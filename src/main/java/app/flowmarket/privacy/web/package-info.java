@NullMarked
package app.flowmarket.privacy.web;

import org.jspecify.annotations.NullMarked;
