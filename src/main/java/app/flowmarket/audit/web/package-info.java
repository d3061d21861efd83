@NullMarked
package app.flowmarket.audit.web;

import org.jspecify.annotations.NullMarked;
