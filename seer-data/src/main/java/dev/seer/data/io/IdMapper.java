package dev.seer.data.io;

import dev.seer.api.IdIndex;
import java.util.Arrays;

/**
 * Maps id fields to dense indices through an {@link IdIndex.Builder}. Canonical decimal ids (no
 * sign, no leading zero, below {@link #CACHE_LIMIT}) are looked up in an int array without creating
 * a String, which keeps loading a million rows free of per-row garbage; other ids go through the
 * builder's map.
 */
final class IdMapper {
  static final int CACHE_LIMIT = 1 << 21;

  private final IdIndex.Builder builder;
  private int[] numeric = new int[1024];

  IdMapper(IdIndex.Builder builder) {
    this.builder = builder;
  }

  IdIndex.Builder builder() {
    return builder;
  }

  /**
   * Returns the index of field {@code i}, adding the id if new.
   *
   * @throws LineError if the field is empty
   */
  int index(Fields f, int i, String what) {
    f.requireId(i, what);
    byte[] d = f.data;
    int s = f.starts[i];
    int e = f.ends[i];
    int len = e - s;
    if (len <= 7 && (d[s] != '0' || len == 1)) {
      int v = 0;
      boolean ok = true;
      for (int k = s; k < e; k++) {
        int c = d[k] - '0';
        if (c < 0 || c > 9) {
          ok = false;
          break;
        }
        v = v * 10 + c;
      }
      if (ok && v < CACHE_LIMIT) {
        if (v >= numeric.length) {
          numeric = Arrays.copyOf(numeric, Math.max(numeric.length * 2, v + 1));
        }
        int slot = numeric[v];
        if (slot != 0) {
          return slot - 1;
        }
        int idx = builder.add(f.text(i));
        numeric[v] = idx + 1;
        return idx;
      }
    }
    return builder.add(f.text(i));
  }

  /** Returns the index of a string id, adding it if new (keeps the numeric cache coherent). */
  int index(String id) {
    return builder.add(id);
  }
}
