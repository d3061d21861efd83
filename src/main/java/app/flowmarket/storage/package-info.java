/**
 * File storage (workflow files, screenshots, avatars) behind the {@link app.flowmarket.storage.BlobStore} port.
 */
@NullMarked
package app.flowmarket.storage;

import org.jspecify.annotations.NullMarked;
