@NullMarked
package app.flowmarket.social.web;

import org.jspecify.annotations.NullMarked;
