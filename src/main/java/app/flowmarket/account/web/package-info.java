@NullMarked
package app.flowmarket.account.web;

import org.jspecify.annotations.NullMarked;
