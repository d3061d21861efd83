/**
 * The guided tours that show a new buyer and a new seller around, and how far each person got in them.
 */
@NullMarked
package app.flowmarket.onboarding;

import org.jspecify.annotations.NullMarked;
