package dev.seer.api;

import java.util.List;
import java.util.Map;

/**
 * What is known about an item besides its interactions.
 *
 * @param id external item id
 * @param title display title, or empty
 * @param categories categories or genres, possibly empty
 * @param text free text (description, tags, aggregated reviews), or empty
 * @param attributes other named attributes
 */
public record ItemInfo(
    String id, String title, List<String> categories, String text, Map<String, String> attributes) {
  /** Validates and copies the fields. */
  public ItemInfo {
    if (id == null || id.isEmpty()) {
      throw new InputException("An item has an empty id; every item needs a non-empty id.");
    }
    title = title == null ? "" : title;
    categories = categories == null ? List.of() : List.copyOf(categories);
    text = text == null ? "" : text;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * Creates an item with a title and categories only.
   *
   * @param id external id
   * @param title title
   * @param categories categories
   * @return the item
   */
  public static ItemInfo of(String id, String title, List<String> categories) {
    return new ItemInfo(id, title, categories, "", Map.of());
  }
}
