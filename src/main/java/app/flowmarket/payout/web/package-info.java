@NullMarked
package app.flowmarket.payout.web;

import org.jspecify.annotations.NullMarked;
