/**
 * File storage (workflow files, screenshots, avatars) behind the {@link app.flowmarket.storage.BlobStore} port.
 */
package app.flowmarket.storage;
