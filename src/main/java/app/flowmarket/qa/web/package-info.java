@NullMarked
package app.flowmarket.qa.web;

import org.jspecify.annotations.NullMarked;
