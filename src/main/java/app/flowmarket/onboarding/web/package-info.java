@NullMarked
package app.flowmarket.onboarding.web;

import org.jspecify.annotations.NullMarked;
