package dev.seer.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seer.api.Explainable;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.LatentFactors;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import dev.seer.store.CatalogItem;
import dev.seer.text.SemanticModel;
import dev.seer.text.explain.Evidence;
import dev.seer.text.explain.LlmClient;
import dev.seer.text.explain.LlmExplainer;
import dev.seer.text.explain.LlmReranker;
import dev.seer.text.explain.TemplateExplainer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Computes recommendations from the serving model: for a known user from their training items plus
 * the events received since (through fold-in when the model can), or for an anonymous user from the
 * items given; applies exclusions and filters through the shared ranker; optionally diversifies and
 * explains.
 */
final class Recommending {
  private Recommending() {}

  /** Permutations sampled for Shapley contributions ({@code explain=shapley}). */
  static final int SHAPLEY_PERMUTATIONS = 100;

  /** The seed of those permutations. */
  static final long SHAPLEY_SEED = 42;

  /** Above this many liked items the exact split at the profile norm is given instead. */
  static final int SHAPLEY_MAX_ITEMS = 30;

  /**
   * A per-thread exclusion mask over the item indices, so that a request does not allocate and
   * clear one as large as the catalogue; {@link #release} unsets only what was set.
   */
  static final class Mask {
    private static final ThreadLocal<Mask> LOCAL = ThreadLocal.withInitial(Mask::new);
    boolean[] array = new boolean[0];
    private int[] set = new int[64];
    private int count;
    private boolean inUse;

    static Mask borrow(int size) {
      Mask m = LOCAL.get();
      if (m.inUse) {
        m = new Mask(); // re-entrant use on one thread: never share
      }
      if (m.array.length < size) {
        m.array = new boolean[size];
      }
      m.inUse = true;
      return m;
    }

    void set(int i) {
      if (!array[i]) {
        array[i] = true;
        if (count == set.length) {
          set = java.util.Arrays.copyOf(set, count * 2);
        }
        set[count++] = i;
      }
    }

    void release() {
      for (int k = 0; k < count; k++) {
        array[set[k]] = false;
      }
      count = 0;
      inUse = false;
    }
  }

  /** What to recommend. */
  record Request(
      String user,
      List<String> recentItems,
      int n,
      String category,
      Set<String> exclude,
      boolean availableOnly,
      boolean explain,
      double diversity,
      String sentence,
      String rerank,
      String text,
      boolean shapley) {}

  /** One recommended item. */
  record Rec(String id, double score, String title, List<Map<String, Object>> reasons) {}

  /**
   * The answer; {@code rerank} says, when re-ranking was asked for, whether the LLM's order was
   * used and if not why.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Answer(
      String user,
      int modelVersion,
      String algorithm,
      String basis,
      List<Rec> items,
      Map<String, Object> rerank) {}

  static Answer recommend(AppState st, Serving serving, Request q) {
    return recommend(st, serving, q, null);
  }

  static Answer recommend(AppState st, Serving serving, Request q, LlmClient llm) {
    Recommender model = serving.saved().model();
    SparseMatrix seen = serving.saved().seen();
    IdIndex items = model.items();
    int numItems = items.size();
    int u = q.user() == null || st.erased(q.user()) ? -1 : model.users().index(q.user());
    Map<Integer, Float> history = new LinkedHashMap<>();
    if (u >= 0 && u < seen.rows()) {
      for (int k = seen.rowStart(u); k < seen.rowEnd(u); k++) {
        history.put(seen.indices()[k], seen.values()[k]);
      }
    }
    int trainingItems = history.size();
    if (q.user() != null) {
      for (Map.Entry<String, Float> e : st.liveItems(q.user()).entrySet()) {
        int i = items.index(e.getKey());
        if (i >= 0) {
          history.merge(i, e.getValue(), Float::sum);
        }
      }
    }
    for (String id : q.recentItems()) {
      int i = items.index(id);
      if (i >= 0) {
        history.merge(i, 1f, Float::sum);
      }
    }
    boolean changed = history.size() > trainingItems || u < 0;
    boolean useAnn =
        serving.ann() != null
            && q.diversity() == 0
            && q.category() == null
            && (u >= 0 || !history.isEmpty());
    float[] scores = useAnn ? null : new float[numItems];
    String basis;
    if (useAnn) {
      basis =
          (u >= 0 && !changed
                  ? "training data"
                  : u >= 0
                      ? "training data and events since (fold-in)"
                      : "the given items (fold-in)")
              + " via the approximate index";
    } else if (model instanceof FoldIn f && changed && !history.isEmpty()) {
      f.scoreItems(keys(history), values(history), scores);
      basis = u >= 0 ? "training data and events since (fold-in)" : "the given items (fold-in)";
    } else if (u >= 0) {
      model.score(u, scores);
      basis = "training data";
    } else {
      // anonymous and the model cannot fold in: most popular among training users
      for (int k = 0; k < seen.nnz(); k++) {
        scores[seen.indices()[k]] += 1;
      }
      basis = "popularity (the model cannot use the given items)";
    }
    // one mask per request: history, explicit exclusions and unavailable items; only a category
    // filter still looks items up in the catalogue per candidate
    Mask mask = Mask.borrow(numItems);
    boolean[] excluded = mask.array;
    try {
      for (int i : history.keySet()) {
        mask.set(i);
      }
      for (String id : q.exclude()) {
        int i = items.index(id);
        if (i >= 0) {
          mask.set(i);
        }
      }
      if (q.availableOnly()) {
        for (String id : st.unavailable()) {
          int i = items.index(id);
          if (i >= 0) {
            mask.set(i);
          }
        }
      }
      IntPredicate exclude =
          q.category() == null
              ? i -> excluded[i]
              : i -> {
                if (excluded[i]) {
                  return true;
                }
                CatalogItem c = st.catalogue.get(items.id(i));
                return c == null || !c.info().categories().contains(q.category());
              };
      Ranking top;
      float[] query = null;
      int want = q.diversity() > 0 ? Math.min(numItems, q.n() * 5) : q.n();
      if (useAnn) {
        LatentFactors lf = (LatentFactors) model;
        if (u >= 0 && !changed) {
          query = new float[lf.factors()];
          lf.userVector(u, query);
        } else {
          query = lf.userVectorFromItems(keys(history), values(history));
        }
        top = serving.ann().search(query, q.n(), Math.max(q.n() * 2, Serving.annEf()), exclude);
      } else {
        top = Ranker.topN(scores, want, exclude);
      }
      FreshItems freshItems = st.fresh(serving);
      FreshItems.Fresh[] fresh =
          freshItems == null ? new FreshItems.Fresh[0] : freshItems.snapshot();
      if (fresh.length > 0) {
        top = withFresh(top, want, fresh, scores, query, numItems, freshExcluded(st, q));
      }
      IntFunction<String> idOf = i -> i < numItems ? items.id(i) : fresh[i - numItems].id();
      if (q.diversity() > 0) {
        top = diversify(top, q, st, idOf);
      }
      Map<String, Object> rerankInfo = null;
      if ("llm".equals(q.rerank())) {
        LlmReranker.Result rr = rerank(top, idOf, st, q, history.keySet(), items, llm);
        int[] ri = new int[top.size()];
        float[] rs = new float[top.size()];
        for (int k = 0; k < ri.length; k++) {
          ri[k] = top.items()[rr.order()[k]];
          rs[k] = top.scores()[rr.order()[k]];
        }
        top = new Ranking(ri, rs);
        rerankInfo = new LinkedHashMap<>();
        rerankInfo.put("source", rr.source());
        if (!rr.fallbackReason().isEmpty()) {
          rerankInfo.put("fallback", rr.fallbackReason());
        }
        if (rr.ignored() > 0) {
          rerankInfo.put("ignoredIds", rr.ignored());
        }
      }
      Sentences writer = new Sentences("llm".equals(q.sentence()) ? new LlmExplainer(llm) : null);
      List<Rec> out = new ArrayList<>();
      for (int k = 0; k < top.size(); k++) {
        int i = top.items()[k];
        String id = idOf.apply(i);
        CatalogItem c = st.catalogue.get(id);
        List<Map<String, Object>> reasons = List.of();
        if (q.explain()) {
          reasons =
              i < numItems
                  ? reasons(model, u, i, items, st, changed, c, writer, q.shapley())
                  : freshReasons(fresh[i - numItems], items, st);
        }
        out.add(new Rec(id, top.scores()[k], c == null ? "" : c.info().title(), reasons));
      }
      writer.flush();
      return new Answer(
          q.user(),
          serving.version().version(),
          serving.version().algorithm(),
          basis,
          out,
          rerankInfo);
    } finally {
      mask.release();
    }
  }

  /**
   * Which fresh items (unknown to the model) must not be recommended: the user's own recent items,
   * explicit exclusions, unavailable items and items outside the requested category.
   */
  private static Predicate<String> freshExcluded(AppState st, Request q) {
    Set<String> own = new HashSet<>(q.recentItems());
    if (q.user() != null) {
      own.addAll(st.liveItems(q.user()).keySet());
    }
    return id -> {
      if (own.contains(id) || q.exclude().contains(id)) {
        return true;
      }
      if (q.availableOnly() && st.unavailable().contains(id)) {
        return true;
      }
      if (q.category() != null) {
        CatalogItem c = st.catalogue.get(id);
        return c == null || !c.info().categories().contains(q.category());
      }
      return false;
    };
  }

  /**
   * Merges fresh items into a ranking of known items. A fresh item's score is the weighted mean of
   * its content neighbours' scores, or for an approximate-index search the dot product of the query
   * with its mapped vector (the same number). Fresh items get indices from {@code numItems} up.
   */
  static Ranking withFresh(
      Ranking top,
      int want,
      FreshItems.Fresh[] fresh,
      float[] scores,
      float[] query,
      int numItems,
      Predicate<String> excluded) {
    float[] fs = new float[fresh.length];
    boolean[] skip = new boolean[fresh.length];
    for (int f = 0; f < fresh.length; f++) {
      FreshItems.Fresh x = fresh[f];
      skip[f] = excluded.test(x.id());
      if (skip[f]) {
        continue;
      }
      double s = 0;
      if (scores != null) {
        for (int k = 0; k < x.neighbours().length; k++) {
          s += x.weights()[k] * scores[x.neighbours()[k]];
        }
      } else {
        for (int d = 0; d < query.length; d++) {
          s += query[d] * x.vector()[d];
        }
      }
      fs[f] = (float) s;
    }
    Ranking extra = Ranker.topN(fs, want, f -> skip[f]);
    int n = Math.min(want, top.size() + extra.size());
    int[] items = new int[n];
    float[] sc = new float[n];
    int a = 0;
    int b = 0;
    for (int k = 0; k < n; k++) {
      boolean takeTop =
          b >= extra.size() || (a < top.size() && top.scores()[a] >= extra.scores()[b]);
      if (takeTop) {
        items[k] = top.items()[a];
        sc[k] = top.scores()[a++];
      } else {
        items[k] = numItems + extra.items()[b];
        sc[k] = extra.scores()[b++];
      }
    }
    return new Ranking(items, sc);
  }

  private static int[] keys(Map<Integer, Float> history) {
    return history.keySet().stream().mapToInt(Integer::intValue).toArray();
  }

  private static float[] values(Map<Integer, Float> history) {
    float[] v = new float[history.size()];
    int k = 0;
    for (float x : history.values()) {
      v[k++] = x;
    }
    return v;
  }

  private static List<Map<String, Object>> freshReasons(
      FreshItems.Fresh f, IdIndex items, AppState st) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int k = 0; k < Math.min(3, f.neighbours().length); k++) {
      String id = items.id(f.neighbours()[k]);
      CatalogItem c = st.catalogue.get(id);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", "new-item-content");
      m.put("item", id);
      m.put("title", c == null ? "" : c.info().title());
      m.put("contribution", f.weights()[k]);
      out.add(m);
    }
    return out;
  }

  /**
   * Asks the LLM to re-order the ranking: ids and titles of the candidates, the request text, and
   * (sent only when personal data is allowed) the titles of up to 10 of the user's items.
   */
  private static LlmReranker.Result rerank(
      Ranking top,
      IntFunction<String> idOf,
      AppState st,
      Request q,
      Set<Integer> history,
      IdIndex items,
      LlmClient llm) {
    List<LlmReranker.Candidate> cands = new ArrayList<>();
    for (int k = 0; k < top.size(); k++) {
      String id = idOf.apply(top.items()[k]);
      CatalogItem c = st.catalogue.get(id);
      cands.add(new LlmReranker.Candidate(id, c == null ? "" : c.info().title()));
    }
    List<String> recent = new ArrayList<>();
    for (int i : history) {
      if (recent.size() == 10) {
        break;
      }
      CatalogItem c = st.catalogue.get(items.id(i));
      recent.add(c == null ? items.id(i) : c.info().title());
    }
    return new LlmReranker(llm).rerank(cands, q.text(), recent);
  }

  private static List<Map<String, Object>> reasons(
      Recommender model,
      int u,
      int i,
      IdIndex items,
      AppState st,
      boolean changed,
      CatalogItem item,
      Sentences writer,
      boolean shapley) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Reason> shapleyReasons = null;
    if (shapley
        && model instanceof SemanticModel sm
        && u >= 0
        && !changed
        && sm.weights().rowEnd(u) - sm.weights().rowStart(u) <= SHAPLEY_MAX_ITEMS) {
      shapleyReasons = sm.shapley(u, i, SHAPLEY_PERMUTATIONS, SHAPLEY_SEED);
    }
    if (model instanceof Explainable ex && u >= 0 && !changed) {
      for (Reason r : shapleyReasons != null ? shapleyReasons : ex.explain(u, i, 3)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind());
        if (r.item() >= 0) {
          String id = items.id(r.item());
          CatalogItem c = st.catalogue.get(id);
          m.put("item", id);
          m.put("title", c == null ? "" : c.info().title());
        }
        if (!r.feature().isEmpty()) {
          m.put("feature", r.feature());
        }
        m.put("contribution", r.contribution());
        if (shapleyReasons != null) {
          m.put(
              "method",
              "sampled Shapley value ("
                  + SHAPLEY_PERMUTATIONS
                  + " permutations, seed "
                  + SHAPLEY_SEED
                  + "); the item contributions add up to the score");
        }
        out.add(m);
      }
    }
    if (out.isEmpty()) {
      out.add(Map.of("kind", "model", "text", "scored by " + model.card().algorithm()));
    } else {
      Evidence ev = evidence(out, item == null ? items.id(i) : item.info().title());
      writer.add(out, ev);
    }
    return out;
  }

  /**
   * Writes the sentences of one request: from the template, or from the LLM until its first
   * failure, after which the rest of the request uses the template at once, so that a slow or
   * failing endpoint costs one timeout per request rather than one per item.
   */
  static final class Sentences {
    private final LlmExplainer llm;
    private final List<List<Map<String, Object>>> targets = new ArrayList<>();
    private final List<Evidence> pending = new ArrayList<>();

    Sentences(LlmExplainer llm) {
      this.llm = llm;
    }

    /**
     * Appends the sentence for {@code ev} to {@code reasons}: at once from the template, or, with
     * the LLM, at {@link #flush} (so that the sentences of one request are written concurrently).
     */
    void add(List<Map<String, Object>> reasons, Evidence ev) {
      if (llm == null) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "sentence");
        m.put("text", TemplateExplainer.explain(ev));
        m.put("source", "template");
        reasons.add(m);
        return;
      }
      targets.add(reasons);
      pending.add(ev);
    }

    /** Writes the LLM sentences of everything added, with the explainer's concurrency. */
    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<LlmExplainer.Explanation> xs = llm.explainAll(pending);
      for (int k = 0; k < xs.size(); k++) {
        LlmExplainer.Explanation x = xs.get(k);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "sentence");
        m.put("text", x.text());
        m.put("source", x.source());
        if (!x.fallbackReason().isEmpty()) {
          m.put("fallback", x.fallbackReason());
        }
        targets.get(k).add(m);
      }
      targets.clear();
      pending.clear();
    }
  }

  /** The structured reasons as evidence for the explanation sentence. */
  private static Evidence evidence(List<Map<String, Object>> reasons, String itemTitle) {
    List<String> liked = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    boolean popular = false;
    for (Map<String, Object> r : reasons) {
      Object kind = r.get("kind");
      if ("item".equals(kind)) {
        Object t = r.get("title");
        liked.add(
            t == null || t.toString().isEmpty() ? String.valueOf(r.get("item")) : t.toString());
      } else if ("feature".equals(kind)) {
        String f = String.valueOf(r.get("feature"));
        terms.add(f.substring(f.indexOf(':') + 1));
      } else if ("popularity".equals(kind)) {
        popular = true;
      }
    }
    return new Evidence(itemTitle, liked, terms, List.of(), popular);
  }

  /**
   * Maximal marginal relevance over category overlap (Carbonell and Goldstein, SIGIR 1998): picks
   * greedily the candidate maximising (1 − λ)·normalised score − λ·max Jaccard similarity of its
   * categories to the items already picked.
   */
  private static Ranking diversify(Ranking cand, Request q, AppState st, IntFunction<String> idOf) {
    int m = cand.size();
    if (m == 0) {
      return cand;
    }
    float hi = cand.scores()[0];
    float lo = cand.scores()[m - 1];
    double range = hi - lo > 0 ? hi - lo : 1;
    List<Set<String>> cats = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      CatalogItem c = st.catalogue.get(idOf.apply(cand.items()[k]));
      cats.add(c == null ? Set.of() : new HashSet<>(c.info().categories()));
    }
    boolean[] used = new boolean[m];
    int take = Math.min(q.n(), m);
    int[] outItems = new int[take];
    float[] outScores = new float[take];
    List<Integer> picked = new ArrayList<>();
    for (int t = 0; t < take; t++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < m; k++) {
        if (used[k]) {
          continue;
        }
        double sim = 0;
        for (int p : picked) {
          sim = Math.max(sim, jaccard(cats.get(k), cats.get(p)));
        }
        double v = (1 - q.diversity()) * (cand.scores()[k] - lo) / range - q.diversity() * sim;
        if (v > bestValue) {
          bestValue = v;
          best = k;
        }
      }
      used[best] = true;
      picked.add(best);
      outItems[t] = cand.items()[best];
      outScores[t] = cand.scores()[best];
    }
    return new Ranking(outItems, outScores);
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String x : a) {
      if (b.contains(x)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
