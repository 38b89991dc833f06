package dev.seer.store;

import dev.seer.api.ItemInfo;

/**
 * An item of an application's catalogue.
 *
 * @param info id, title, categories, text and attributes
 * @param available whether it may be recommended now
 * @param updatedAt epoch milliseconds of the last change
 */
public record CatalogItem(ItemInfo info, boolean available, long updatedAt) {}
