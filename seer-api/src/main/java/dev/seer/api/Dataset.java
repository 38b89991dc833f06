package dev.seer.api;

import java.util.Map;

/**
 * Interactions together with what is known about items and users.
 *
 * @param name a short name for reports (for example {@code ml-100k})
 * @param interactions the interactions
 * @param items item metadata by external item id (may include items without interactions)
 * @param users user attributes by external user id
 */
public record Dataset(
    String name,
    Interactions interactions,
    Map<String, ItemInfo> items,
    Map<String, Map<String, String>> users) {
  /** Validates and copies the maps. */
  public Dataset {
    if (interactions == null) {
      throw new IllegalArgumentException("interactions");
    }
    name = name == null ? "dataset" : name;
    items = items == null ? Map.of() : Map.copyOf(items);
    users = users == null ? Map.of() : Map.copyOf(users);
  }

  /**
   * Returns a dataset with other interactions and the same metadata.
   *
   * @param other new interactions
   * @return the new dataset
   */
  public Dataset withInteractions(Interactions other) {
    return new Dataset(name, other, items, users);
  }
}
