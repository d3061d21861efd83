/**
 * Demo data: on the first start of an empty database, stores, workflows, buyers and an admin so every page has something to show.
 */
@NullMarked
package app.flowmarket.demo;

import org.jspecify.annotations.NullMarked;
