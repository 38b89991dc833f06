package dev.seer.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, bijective mapping between external string ids and dense {@code int} indices {@code
 * 0..size()-1}. Ids are mapped once at the boundary; inside Seer everything is an index.
 */
public final class IdIndex {
  private final List<String> ids;
  private final Map<String, Integer> lookup;

  private IdIndex(List<String> ids, Map<String, Integer> lookup) {
    this.ids = ids;
    this.lookup = lookup;
  }

  /**
   * Creates an index whose index {@code i} is {@code ids.get(i)}.
   *
   * @param ids distinct ids in index order
   * @return the index
   * @throws InputException if an id is repeated or null
   */
  public static IdIndex of(List<String> ids) {
    Builder b = new Builder();
    for (String id : ids) {
      if (id == null) {
        throw new InputException("An id list contains null; every id must be a non-empty string.");
      }
      int before = b.size();
      b.add(id);
      if (b.size() == before) {
        throw new InputException("The id '" + id + "' is listed twice; ids must be distinct.");
      }
    }
    return b.build();
  }

  /**
   * Returns the number of ids.
   *
   * @return the size
   */
  public int size() {
    return ids.size();
  }

  /**
   * Returns the index of an id.
   *
   * @param id an external id
   * @return its index, or {@code -1} if the id is unknown
   */
  public int index(String id) {
    Integer i = lookup.get(id);
    return i == null ? -1 : i;
  }

  /**
   * Returns the id at an index.
   *
   * @param index a dense index
   * @return the external id
   */
  public String id(int index) {
    return ids.get(index);
  }

  /**
   * Returns all ids in index order.
   *
   * @return an unmodifiable list
   */
  public List<String> ids() {
    return ids;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdIndex other && ids.equals(other.ids);
  }

  @Override
  public int hashCode() {
    return ids.hashCode();
  }

  @Override
  public String toString() {
    return "IdIndex[" + ids.size() + " ids]";
  }

  /** Builds an index by adding ids in order of first appearance. Not thread-safe. */
  public static final class Builder {
    private final ArrayList<String> ids = new ArrayList<>();
    private final HashMap<String, Integer> lookup = new HashMap<>();

    /** Creates an empty builder. */
    public Builder() {}

    /**
     * Adds an id if new and returns its index.
     *
     * @param id an external id
     * @return the index of the id
     */
    public int add(String id) {
      Objects.requireNonNull(id, "id");
      Integer i = lookup.get(id);
      if (i != null) {
        return i;
      }
      int next = ids.size();
      ids.add(id);
      lookup.put(id, next);
      return next;
    }

    /**
     * Returns the index of an id added so far.
     *
     * @param id an external id
     * @return the index, or {@code -1}
     */
    public int index(String id) {
      Integer i = lookup.get(id);
      return i == null ? -1 : i;
    }

    /**
     * Returns the number of ids added so far.
     *
     * @return the size
     */
    public int size() {
      return ids.size();
    }

    /**
     * Builds the immutable index. The builder must not be used afterwards.
     *
     * @return the index
     */
    public IdIndex build() {
      ids.trimToSize();
      return new IdIndex(Collections.unmodifiableList(ids), Collections.unmodifiableMap(lookup));
    }
  }
}
