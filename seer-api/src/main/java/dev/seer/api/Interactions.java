package dev.seer.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable, columnar list of user-item interactions over shared user and item indices. Row
 * {@code k} is (user(k), item(k), rating(k), timestamp(k)). Ratings are absent for implicit data
 * (then {@link #rating(int)} is 1) and timestamps may be absent (then {@link #timestamp(int)} is
 * {@link #NO_TIME}).
 *
 * <p>All parts of a {@link Split} share the same {@link IdIndex} objects, so an index means the
 * same user or item in every part. The CSR views are computed once, lazily, and are thread-safe.
 */
public final class Interactions {
  /** Timestamp value of rows that have none. */
  public static final long NO_TIME = Long.MIN_VALUE;

  private final IdIndex users;
  private final IdIndex items;
  private final int[] user;
  private final int[] item;
  private final float[] rating;
  private final long[] time;
  private volatile SparseMatrix byUser;
  private volatile SparseMatrix byItem;

  /**
   * Wraps columns without copying; the caller gives up ownership of the arrays.
   *
   * @param users user index
   * @param items item index
   * @param user user index of each row
   * @param item item index of each row
   * @param rating rating of each row, or {@code null} for implicit data
   * @param time Unix seconds of each row, or {@code null} when there are no timestamps
   */
  public Interactions(
      IdIndex users, IdIndex items, int[] user, int[] item, float[] rating, long[] time) {
    if (user.length != item.length
        || (rating != null && rating.length != user.length)
        || (time != null && time.length != user.length)) {
      throw new IllegalArgumentException("interaction columns differ in length");
    }
    for (int k = 0; k < user.length; k++) {
      if (user[k] < 0 || user[k] >= users.size() || item[k] < 0 || item[k] >= items.size()) {
        throw new IllegalArgumentException("row " + k + " refers to an index outside the id maps");
      }
    }
    this.users = users;
    this.items = items;
    this.user = user;
    this.item = item;
    this.rating = rating;
    this.time = time;
  }

  /**
   * Returns the number of rows.
   *
   * @return the row count
   */
  public int size() {
    return user.length;
  }

  /**
   * Returns the user index shared by every part of a split.
   *
   * @return users
   */
  public IdIndex users() {
    return users;
  }

  /**
   * Returns the item index shared by every part of a split.
   *
   * @return items
   */
  public IdIndex items() {
    return items;
  }

  /**
   * Returns the number of users in the index (not only those with rows here).
   *
   * @return user count
   */
  public int numUsers() {
    return users.size();
  }

  /**
   * Returns the number of items in the index (not only those with rows here).
   *
   * @return item count
   */
  public int numItems() {
    return items.size();
  }

  /**
   * Returns the user of a row.
   *
   * @param k row
   * @return user index
   */
  public int user(int k) {
    return user[k];
  }

  /**
   * Returns the item of a row.
   *
   * @param k row
   * @return item index
   */
  public int item(int k) {
    return item[k];
  }

  /**
   * Returns the rating of a row, 1 for implicit data.
   *
   * @param k row
   * @return rating
   */
  public float rating(int k) {
    return rating == null ? 1f : rating[k];
  }

  /**
   * Returns the timestamp of a row.
   *
   * @param k row
   * @return Unix seconds, or {@link #NO_TIME}
   */
  public long timestamp(int k) {
    return time == null ? NO_TIME : time[k];
  }

  /**
   * Tells whether rows carry explicit ratings.
   *
   * @return true for explicit data
   */
  public boolean hasRatings() {
    return rating != null;
  }

  /**
   * Tells whether rows carry timestamps.
   *
   * @return true if timestamps exist
   */
  public boolean hasTimestamps() {
    return time != null;
  }

  /**
   * Returns the user column (do not modify).
   *
   * @return user indices
   */
  public int[] userColumn() {
    return user;
  }

  /**
   * Returns the item column (do not modify).
   *
   * @return item indices
   */
  public int[] itemColumn() {
    return item;
  }

  /**
   * Returns the rating column (do not modify).
   *
   * @return ratings or {@code null}
   */
  public float[] ratingColumn() {
    return rating;
  }

  /**
   * Returns the timestamp column (do not modify).
   *
   * @return timestamps or {@code null}
   */
  public long[] timeColumn() {
    return time;
  }

  /**
   * Returns the user-by-item matrix (CSR). Values are ratings (1 for implicit); for duplicate pairs
   * the later row wins.
   *
   * @return users x items
   */
  public SparseMatrix byUser() {
    SparseMatrix m = byUser;
    if (m == null) {
      synchronized (this) {
        m = byUser;
        if (m == null) {
          m =
              SparseMatrix.fromCoordinates(
                  users.size(), items.size(), user, item, rating, user.length);
          byUser = m;
        }
      }
    }
    return m;
  }

  /**
   * Returns the item-by-user matrix (the CSC form of {@link #byUser()}).
   *
   * @return items x users
   */
  public SparseMatrix byItem() {
    SparseMatrix m = byItem;
    if (m == null) {
      synchronized (this) {
        m = byItem;
        if (m == null) {
          m = byUser().transpose();
          byItem = m;
        }
      }
    }
    return m;
  }

  /**
   * Returns the rows at the given positions, in that order, over the same indices.
   *
   * @param rows row positions
   * @return a new interaction list
   */
  public Interactions select(int[] rows) {
    int n = rows.length;
    int[] u = new int[n];
    int[] i = new int[n];
    float[] r = rating == null ? null : new float[n];
    long[] t = time == null ? null : new long[n];
    for (int j = 0; j < n; j++) {
      int k = rows[j];
      u[j] = user[k];
      i[j] = item[k];
      if (r != null) {
        r[j] = rating[k];
      }
      if (t != null) {
        t[j] = time[k];
      }
    }
    return new Interactions(users, items, u, i, r, t);
  }

  /**
   * Returns a copy with the given ratings (for example after normalisation).
   *
   * @param ratings new ratings, one per row, or {@code null} to make the data implicit
   * @return a new interaction list
   */
  public Interactions withRatings(float[] ratings) {
    return new Interactions(users, items, user, item, ratings, time);
  }

  /**
   * Returns a SHA-256 fingerprint of the content (ids, ratings, timestamps), used in model cards to
   * tell which data a model was trained on.
   *
   * @return lowercase hex digest
   */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[8 * 1024];
      int p = 0;
      for (int k = 0; k < user.length; k++) {
        if (p > buf.length - 64) {
          md.update(buf, 0, p);
          p = 0;
        }
        byte[] u = users.id(user[k]).getBytes(StandardCharsets.UTF_8);
        byte[] i = items.id(item[k]).getBytes(StandardCharsets.UTF_8);
        if (u.length + i.length > 40) {
          md.update(buf, 0, p);
          p = 0;
          md.update(u);
          md.update((byte) 0);
          md.update(i);
          md.update((byte) 0);
        } else {
          System.arraycopy(u, 0, buf, p, u.length);
          p += u.length;
          buf[p++] = 0;
          System.arraycopy(i, 0, buf, p, i.length);
          p += i.length;
          buf[p++] = 0;
        }
        int bits = Float.floatToIntBits(rating(k));
        for (int s = 24; s >= 0; s -= 8) {
          buf[p++] = (byte) (bits >>> s);
        }
        long t = timestamp(k);
        for (int s = 56; s >= 0; s -= 8) {
          buf[p++] = (byte) (t >>> s);
        }
      }
      md.update(buf, 0, p);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "Interactions["
        + size()
        + " rows, "
        + users.size()
        + " users, "
        + items.size()
        + " items"
        + (hasRatings() ? ", rated" : ", implicit")
        + (hasTimestamps() ? ", timed" : "")
        + "]";
  }

  /**
   * Builds interactions from external ids, growing the id indices as ids appear. Not thread-safe.
   */
  public static final class Builder {
    private final IdIndex.Builder users;
    private final IdIndex.Builder items;
    private int[] user = new int[1024];
    private int[] item = new int[1024];
    private float[] rating = new float[1024];
    private long[] time = new long[1024];
    private int n;
    private boolean anyRating;
    private boolean anyTime;

    /** Creates a builder with new, empty indices. */
    public Builder() {
      this(new IdIndex.Builder(), new IdIndex.Builder());
    }

    /**
     * Creates a builder that adds to the given index builders (to pre-register ids, for example
     * items from a catalogue that have no interactions yet).
     *
     * @param users user index builder
     * @param items item index builder
     */
    public Builder(IdIndex.Builder users, IdIndex.Builder items) {
      this.users = users;
      this.items = items;
    }

    /**
     * Adds an implicit interaction without timestamp.
     *
     * @param userId user id
     * @param itemId item id
     * @return this builder
     */
    public Builder add(String userId, String itemId) {
      return add(userId, itemId, Float.NaN, NO_TIME);
    }

    /**
     * Adds an interaction.
     *
     * @param userId user id
     * @param itemId item id
     * @param value rating, or {@code NaN} when there is none
     * @param timestamp Unix seconds, or {@link Interactions#NO_TIME}
     * @return this builder
     */
    public Builder add(String userId, String itemId, float value, long timestamp) {
      return addIndexed(users.add(userId), items.add(itemId), value, timestamp);
    }

    /**
     * Adds an interaction by indices already registered in this builder's id builders.
     *
     * @param u user index
     * @param i item index
     * @param value rating, or {@code NaN} when there is none
     * @param timestamp Unix seconds, or {@link Interactions#NO_TIME}
     * @return this builder
     */
    public Builder addIndexed(int u, int i, float value, long timestamp) {
      if (n == user.length) {
        int cap = n + (n >> 1);
        user = Arrays.copyOf(user, cap);
        item = Arrays.copyOf(item, cap);
        rating = Arrays.copyOf(rating, cap);
        time = Arrays.copyOf(time, cap);
      }
      user[n] = u;
      item[n] = i;
      rating[n] = value;
      time[n] = timestamp;
      anyRating |= !Float.isNaN(value);
      anyTime |= timestamp != NO_TIME;
      n++;
      return this;
    }

    /**
     * Returns the number of rows added.
     *
     * @return the count
     */
    public int size() {
      return n;
    }

    /**
     * Returns the user index builder.
     *
     * @return users
     */
    public IdIndex.Builder users() {
      return users;
    }

    /**
     * Returns the item index builder.
     *
     * @return items
     */
    public IdIndex.Builder items() {
      return items;
    }

    /**
     * Builds the interactions. If some rows have a rating and others do not, the missing ones
     * become 1; the same for timestamps with {@link Interactions#NO_TIME}.
     *
     * @return the interactions
     */
    public Interactions build() {
      float[] r = null;
      if (anyRating) {
        r = Arrays.copyOf(rating, n);
        for (int k = 0; k < n; k++) {
          if (Float.isNaN(r[k])) {
            r[k] = 1f;
          }
        }
      }
      long[] t = anyTime ? Arrays.copyOf(time, n) : null;
      return new Interactions(
          users.build(), items.build(), Arrays.copyOf(user, n), Arrays.copyOf(item, n), r, t);
    }
  }
}
