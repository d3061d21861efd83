/**
 * Shared kernel: money, typed ids, paging, safe Markdown, slugs and the signed-in user, used by every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@NullMarked
package app.flowmarket.shared;

import org.jspecify.annotations.NullMarked;
