package dev.seer.server;

import dev.seer.store.CatalogItem;
import java.util.List;
import java.util.Map;

/**
 * An item as the API shows it.
 *
 * @param id item id
 * @param title title
 * @param categories categories
 * @param text text
 * @param attributes attributes
 * @param available whether it may be recommended
 */
record ItemView(
    String id,
    String title,
    List<String> categories,
    String text,
    Map<String, String> attributes,
    boolean available) {
  static ItemView of(CatalogItem it) {
    return new ItemView(
        it.info().id(),
        it.info().title(),
        it.info().categories(),
        it.info().text(),
        it.info().attributes(),
        it.available());
  }
}
