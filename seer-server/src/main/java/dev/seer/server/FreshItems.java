package dev.seer.server;

import dev.seer.api.IdIndex;
import dev.seer.api.ItemInfo;
import dev.seer.api.LatentFactors;
import dev.seer.api.Recommender;
import dev.seer.store.CatalogItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes catalogue items that the serving model has never seen recommendable at once, through their
 * content: each such <em>fresh</em> item is mapped to its most similar known items by TF-IDF cosine
 * over categories and the words of title and text, and its score for a user is the
 * similarity-weighted mean of those neighbours' scores (for factor models, its vector is the
 * weighted mean of theirs, which gives the same score). This is the neighbourhood form of mapping
 * item attributes into the model's item space (Gantner et al., "Learning Attribute-to-Feature
 * Mappings for Cold-Start Recommendations", ICDM 2010).
 *
 * <p>Built per serving model; upserts update it copy-on-write, so a request reads one consistent
 * snapshot without locks.
 */
final class FreshItems {
  /** Known neighbours kept per fresh item. */
  static final int NEIGHBOURS = 20;

  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "with", "from", "that", "this", "are", "was", "but", "not", "you",
          "all", "any", "can", "has", "have", "its", "our", "out", "one", "two", "new", "more");

  /** One fresh item: its known neighbours with normalised weights, and its vector if any. */
  record Fresh(String id, int[] neighbours, float[] weights, float[] vector) {}

  private final Serving serving;
  private final int knownItems;
  private final Map<String, int[]> postingItems = new HashMap<>();
  private final Map<String, float[]> postingWeights = new HashMap<>();
  private final Map<String, Double> idf = new HashMap<>();
  private volatile Fresh[] snapshot = new Fresh[0];

  private FreshItems(Serving serving, Map<String, CatalogItem> catalogue) {
    this.serving = serving;
    Recommender model = serving.saved().model();
    IdIndex items = model.items();
    knownItems = items.size();
    List<Map<String, Double>> tf = new ArrayList<>(knownItems);
    Map<String, Integer> df = new HashMap<>();
    int described = 0;
    for (int i = 0; i < knownItems; i++) {
      CatalogItem c = catalogue.get(items.id(i));
      Map<String, Double> t = c == null ? Map.of() : termFrequencies(c.info());
      tf.add(t);
      if (!t.isEmpty()) {
        described++;
      }
      for (String f : t.keySet()) {
        df.merge(f, 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      idf.put(e.getKey(), Math.log((1.0 + described) / e.getValue()) + 1);
    }
    Map<String, int[]> counts = new HashMap<>();
    for (Map.Entry<String, Integer> e : df.entrySet()) {
      postingItems.put(e.getKey(), new int[e.getValue()]);
      postingWeights.put(e.getKey(), new float[e.getValue()]);
      counts.put(e.getKey(), new int[1]);
    }
    for (int i = 0; i < knownItems; i++) {
      Map<String, Double> w = weights(tf.get(i));
      for (Map.Entry<String, Double> e : w.entrySet()) {
        int[] c = counts.get(e.getKey());
        postingItems.get(e.getKey())[c[0]] = i;
        postingWeights.get(e.getKey())[c[0]++] = e.getValue().floatValue();
      }
    }
  }

  /**
   * Builds the content index for a serving model and maps every catalogue item the model does not
   * know.
   */
  static FreshItems build(Serving serving, Map<String, CatalogItem> catalogue) {
    FreshItems f = new FreshItems(serving, catalogue);
    f.upsert(catalogue.values());
    return f;
  }

  /** The serving model this index belongs to. */
  Serving serving() {
    return serving;
  }

  /** The fresh items, as one consistent array (do not modify). */
  Fresh[] snapshot() {
    return snapshot;
  }

  /** Maps upserted items the model does not know; known items are ignored. */
  synchronized void upsert(Iterable<CatalogItem> batch) {
    IdIndex items = serving.saved().model().items();
    Map<String, Fresh> next = new LinkedHashMap<>();
    for (Fresh f : snapshot) {
      next.put(f.id(), f);
    }
    boolean changed = false;
    for (CatalogItem c : batch) {
      String id = c.info().id();
      if (items.index(id) >= 0) {
        continue;
      }
      Fresh f = map(c.info());
      if (f == null) {
        changed |= next.remove(id) != null;
      } else {
        next.put(id, f);
        changed = true;
      }
    }
    if (changed) {
      snapshot = next.values().toArray(new Fresh[0]);
    }
  }

  /** Forgets a deleted item. */
  synchronized void remove(String id) {
    Fresh[] cur = snapshot;
    Fresh[] next = Arrays.stream(cur).filter(f -> !f.id().equals(id)).toArray(Fresh[]::new);
    if (next.length != cur.length) {
      snapshot = next;
    }
  }

  /** Finds a fresh item by id, or {@code null}. */
  Fresh find(String id) {
    for (Fresh f : snapshot) {
      if (f.id().equals(id)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The known items most similar in content to the given item, by cosine; empty when it shares no
   * term with any known item.
   */
  private Fresh map(ItemInfo info) {
    Map<String, Double> w = weights(termFrequencies(info));
    if (w.isEmpty()) {
      return null;
    }
    float[] acc = new float[knownItems];
    int[] touched = new int[knownItems];
    int nt = 0;
    for (Map.Entry<String, Double> e : w.entrySet()) {
      int[] its = postingItems.get(e.getKey());
      if (its == null) {
        continue;
      }
      float[] ws = postingWeights.get(e.getKey());
      float q = e.getValue().floatValue();
      for (int k = 0; k < its.length; k++) {
        if (acc[its[k]] == 0) {
          touched[nt++] = its[k];
        }
        acc[its[k]] += q * ws[k];
      }
    }
    if (nt == 0) {
      return null;
    }
    int m = Math.min(NEIGHBOURS, nt);
    int[] best = new int[m];
    float[] bestW = new float[m];
    int have = 0;
    for (int t = 0; t < nt; t++) {
      int i = touched[t];
      float s = acc[i];
      if (have < m) {
        best[have] = i;
        bestW[have++] = s;
        for (int j = have - 1; j > 0 && better(bestW[j], best[j], bestW[j - 1], best[j - 1]); j--) {
          swap(best, bestW, j);
        }
      } else if (better(s, i, bestW[m - 1], best[m - 1])) {
        best[m - 1] = i;
        bestW[m - 1] = s;
        for (int j = m - 1; j > 0 && better(bestW[j], best[j], bestW[j - 1], best[j - 1]); j--) {
          swap(best, bestW, j);
        }
      }
    }
    double sum = 0;
    for (float x : bestW) {
      sum += x;
    }
    for (int k = 0; k < m; k++) {
      bestW[k] = (float) (bestW[k] / sum);
    }
    float[] vector = null;
    if (serving.saved().model() instanceof LatentFactors lf) {
      vector = new float[lf.factors()];
      float[] v = new float[lf.factors()];
      for (int k = 0; k < m; k++) {
        lf.itemVector(best[k], v);
        for (int d = 0; d < v.length; d++) {
          vector[d] += bestW[k] * v[d];
        }
      }
    }
    return new Fresh(info.id(), best, bestW, vector);
  }

  private static boolean better(float s, int i, float t, int j) {
    return s > t || (s == t && i < j);
  }

  private static void swap(int[] a, float[] w, int j) {
    int t = a[j];
    a[j] = a[j - 1];
    a[j - 1] = t;
    float x = w[j];
    w[j] = w[j - 1];
    w[j - 1] = x;
  }

  /** TF-IDF weights, L2-normalised; terms unknown to the index are dropped. */
  private Map<String, Double> weights(Map<String, Double> tf) {
    Map<String, Double> w = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Double> e : tf.entrySet()) {
      Double g = idf.get(e.getKey());
      if (g == null) {
        continue;
      }
      double x = e.getValue() * g;
      w.put(e.getKey(), x);
      norm += x * x;
    }
    if (norm == 0) {
      return Map.of();
    }
    double s = 1 / Math.sqrt(norm);
    w.replaceAll((k, v) -> v * s);
    return w;
  }

  /**
   * Sublinear term frequencies (1 + ln count) of an item's categories ({@code c:} prefix) and the
   * words of its title and text (lower case, at least three letters, common words dropped).
   */
  static Map<String, Double> termFrequencies(ItemInfo info) {
    Map<String, Integer> count = new HashMap<>();
    for (String c : info.categories()) {
      String k = c.trim().toLowerCase(Locale.ROOT);
      if (!k.isEmpty()) {
        count.merge("c:" + k, 1, Integer::sum);
      }
    }
    for (String text : new String[] {info.title(), info.text()}) {
      for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (t.length() >= 3 && !STOP.contains(t) && !t.chars().allMatch(Character::isDigit)) {
          count.merge(t, 1, Integer::sum);
        }
      }
    }
    Map<String, Double> tf = new HashMap<>();
    count.forEach((k, v) -> tf.put(k, 1 + Math.log(v)));
    return tf;
  }
}
