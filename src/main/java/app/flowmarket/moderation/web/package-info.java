@NullMarked
package app.flowmarket.moderation.web;

import org.jspecify.annotations.NullMarked;
