package dev.seer.algorithms.content;

import dev.seer.api.IdIndex;
import dev.seer.api.ItemInfo;
import dev.seer.api.SparseMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Item feature vectors {@code phi_v} built from item metadata: one feature {@code category:NAME}
 * per category or genre (one-hot), and one feature {@code word:TOKEN} per word of the title and
 * text kept in a vocabulary. Words are lower-cased runs of letters and digits, at least 2
 * characters long and not in a short list of English stop words; each item counts a word once. The
 * vocabulary keeps the words found in at least {@code minWordCount} items, the {@code maxWords}
 * most frequent ones (ties to the alphabetically first). Every present feature has value 1, or
 * {@code 1 / sqrt(number of the item's features)} with {@code normalise}. Features are ordered:
 * categories alphabetically, then words alphabetically. Immutable.
 */
public final class ItemFeatures {
  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its",
          "of", "on", "or", "that", "the", "this", "to", "was", "with");

  private final List<String> names;
  private final SparseMatrix matrix;

  /**
   * Wraps features.
   *
   * @param names feature names, one per column
   * @param matrix items x features values
   */
  public ItemFeatures(List<String> names, SparseMatrix matrix) {
    if (matrix.cols() != names.size()) {
      throw new IllegalArgumentException("one name per feature column is needed");
    }
    this.names = List.copyOf(names);
    this.matrix = matrix;
  }

  /**
   * Builds the features of the indexed items from their metadata.
   *
   * @param items the item index
   * @param info metadata by external item id; items without an entry get no features
   * @param maxWords most word features (0 for none)
   * @param minWordCount fewest items a word must be in
   * @param normalise whether to scale each item vector to unit length
   * @return the features
   */
  public static ItemFeatures build(
      IdIndex items,
      Map<String, ItemInfo> info,
      int maxWords,
      int minWordCount,
      boolean normalise) {
    int n = items.size();
    List<Set<String>> cats = new ArrayList<>(n);
    List<Set<String>> words = new ArrayList<>(n);
    TreeSet<String> allCats = new TreeSet<>();
    Map<String, Integer> df = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ItemInfo it = info.get(items.id(i));
      Set<String> c = new TreeSet<>();
      Set<String> w = new TreeSet<>();
      if (it != null) {
        for (String cat : it.categories()) {
          String s = cat.strip();
          if (!s.isEmpty()) {
            c.add(s);
          }
        }
        if (maxWords > 0) {
          w.addAll(tokens(it.title()));
          w.addAll(tokens(it.text()));
        }
      }
      allCats.addAll(c);
      for (String t : w) {
        df.merge(t, 1, Integer::sum);
      }
      cats.add(c);
      words.add(w);
    }
    List<Map.Entry<String, Integer>> candidates = new ArrayList<>();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      if (e.getValue() >= minWordCount) {
        candidates.add(e);
      }
    }
    candidates.sort(
        (a, b) -> {
          int c = Integer.compare(b.getValue(), a.getValue());
          return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
    TreeSet<String> vocab = new TreeSet<>();
    for (int k = 0; k < Math.min(maxWords, candidates.size()); k++) {
      vocab.add(candidates.get(k).getKey());
    }
    Map<String, Integer> column = new TreeMap<>();
    List<String> names = new ArrayList<>();
    for (String c : allCats) {
      column.put("category:" + c, names.size());
      names.add("category:" + c);
    }
    for (String w : vocab) {
      column.put("word:" + w, names.size());
      names.add("word:" + w);
    }
    int[] ptr = new int[n + 1];
    List<int[]> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Integer> cols = new ArrayList<>();
      for (String c : cats.get(i)) {
        cols.add(column.get("category:" + c));
      }
      for (String w : words.get(i)) {
        Integer col = column.get("word:" + w);
        if (col != null) {
          cols.add(col);
        }
      }
      int[] r = cols.stream().mapToInt(Integer::intValue).sorted().toArray();
      rows.add(r);
      ptr[i + 1] = ptr[i] + r.length;
    }
    int[] idx = new int[ptr[n]];
    float[] val = new float[ptr[n]];
    for (int i = 0; i < n; i++) {
      int[] r = rows.get(i);
      float v = normalise && r.length > 0 ? (float) (1 / Math.sqrt(r.length)) : 1f;
      for (int k = 0; k < r.length; k++) {
        idx[ptr[i] + k] = r[k];
        val[ptr[i] + k] = v;
      }
    }
    return new ItemFeatures(names, new SparseMatrix(n, names.size(), ptr, idx, val));
  }

  /**
   * Splits text into the words features are made of.
   *
   * @param text any text
   * @return the words in order, possibly repeated
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int k = 0; k <= lower.length(); k++) {
      boolean word = k < lower.length() && Character.isLetterOrDigit(lower.charAt(k));
      if (word && start < 0) {
        start = k;
      } else if (!word && start >= 0) {
        String t = lower.substring(start, k);
        if (t.length() >= 2 && !STOP_WORDS.contains(t)) {
          out.add(t);
        }
        start = -1;
      }
    }
    return out;
  }

  /**
   * Returns the feature names, one per column of {@link #matrix()}.
   *
   * @return names such as {@code category:Comedy} or {@code word:star}
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the feature values.
   *
   * @return items x features (do not modify)
   */
  public SparseMatrix matrix() {
    return matrix;
  }

  /**
   * Returns the number of features.
   *
   * @return the count
   */
  public int size() {
    return names.size();
  }
}
