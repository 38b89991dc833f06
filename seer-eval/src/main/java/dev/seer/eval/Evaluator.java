package dev.seer.eval;

import dev.seer.api.BatchScorer;
import dev.seer.api.FoldIn;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ProgressListener;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Split;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * The evaluation protocol. For every user with a relevant test item, the model scores all items;
 * the user's training, validation and fold-in items are excluded; the shared {@link Ranker} picks
 * the top max(K) (ties to the lower item index); per-user metrics are computed from that list. By
 * default every other item is a candidate (full ranking). With {@link EvalOptions#sampled()} = N,
 * only the user's relevant items and N non-relevant items drawn uniformly (seeded per user) are
 * candidates, and the result is labelled "sampled".
 *
 * <p>For users of a user hold-out split (with fold-in rows) the model scores from the fold-in items
 * through {@link FoldIn} when it has that ability, otherwise through {@link Recommender#score}.
 * Results do not depend on the number of threads.
 */
public final class Evaluator {
  private static final int CHUNK = 128;

  private Evaluator() {}

  /**
   * Evaluates a model on a split.
   *
   * @param algorithm name to report the model under
   * @param model a model trained on {@code split.train()}
   * @param split the split
   * @param opts options
   * @param items item metadata by external id (for intra-list diversity), possibly empty
   * @param progress receives progress
   * @return per-user and aggregate results
   * @throws InputException if the model and split do not fit together, or a relevance threshold is
   *     given for data without ratings
   */
  public static EvalResult evaluate(
      String algorithm,
      Recommender model,
      Split split,
      EvalOptions opts,
      Map<String, ItemInfo> items,
      ProgressListener progress) {
    long t0 = System.nanoTime();
    Interactions train = split.train();
    Interactions test = split.test();
    int numItems = train.numItems();
    if (model.items().size() != numItems) {
      throw new InputException(
          "The model scores "
              + model.items().size()
              + " items but the split has "
              + numItems
              + "; train the model on this split's training part.");
    }
    if (opts.relevanceThreshold() != null && !test.hasRatings()) {
      throw new InputException(
          "A relevance threshold was given but the test data has no ratings; drop"
              + " --relevance-threshold for implicit data.");
    }
    ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
    SparseMatrix trainM = train.byUser();
    SparseMatrix validM = split.validation().byUser();
    SparseMatrix foldM = split.foldIn().byUser();

    // Relevant items per user: distinct test items (rating >= threshold when one is given).
    long belowThreshold = 0;
    int[] keep = new int[test.size()];
    int kept = 0;
    for (int k = 0; k < test.size(); k++) {
      if (opts.relevanceThreshold() != null && !(test.rating(k) >= opts.relevanceThreshold())) {
        belowThreshold++;
      } else {
        keep[kept++] = k;
      }
    }
    SparseMatrix testAll = test.byUser();
    Interactions relevantRows = test.select(Arrays.copyOf(keep, kept));
    SparseMatrix relM = relevantRows.byUser();

    int testUsers = 0;
    int withoutRelevant = 0;
    long relevantSeen = 0;
    List<Integer> evalUsers = new ArrayList<>();
    for (int u = 0; u < testAll.rows(); u++) {
      if (testAll.rowNnz(u) == 0) {
        continue;
      }
      testUsers++;
      int rel = 0;
      for (int k = relM.rowStart(u); k < relM.rowEnd(u); k++) {
        int i = relM.indices()[k];
        if (known(trainM, u, i) || known(validM, u, i) || known(foldM, u, i)) {
          relevantSeen++;
        } else {
          rel++;
        }
      }
      if (rel == 0) {
        withoutRelevant++;
      } else {
        evalUsers.add(u);
      }
    }
    int[] users = evalUsers.stream().mapToInt(Integer::intValue).toArray();

    int[] cutoffs = opts.cutoffs();
    boolean hasFeatures = false;
    List<Set<String>> features = new ArrayList<>(numItems);
    for (int i = 0; i < numItems; i++) {
      ItemInfo info = items == null ? null : items.get(train.items().id(i));
      Set<String> f = info == null ? Set.of() : new HashSet<>(info.categories());
      hasFeatures |= !f.isEmpty();
      features.add(f);
    }
    int[] popularity = new int[numItems];
    int trainUsers = 0;
    for (int u = 0; u < trainM.rows(); u++) {
      if (trainM.rowNnz(u) > 0) {
        trainUsers++;
      }
      for (int k = trainM.rowStart(u); k < trainM.rowEnd(u); k++) {
        popularity[trainM.indices()[k]]++;
      }
    }

    List<String> names = metricNames(cutoffs, hasFeatures);
    int m = names.size();
    double[][] values = new double[m][users.length];
    Ranking[] rankings = new Ranking[users.length];
    Context ctx =
        new Context(
            model,
            opts,
            cutoffs,
            trainM,
            validM,
            foldM,
            relM,
            split.hasFoldIn() && model instanceof FoldIn,
            popularity,
            Math.max(1, trainUsers),
            hasFeatures ? features : null,
            numItems);

    String task = "evaluate " + algorithm;
    pl.update(task, 0, users.length);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            opts.threads(),
            r -> {
              Thread t = new Thread(r, "seer-eval");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int start = 0; start < users.length; start += CHUNK) {
        int from = start;
        int to = Math.min(users.length, start + CHUNK);
        futures.add(pool.submit(() -> ctx.run(users, from, to, values, rankings)));
      }
      int done = 0;
      for (Future<?> f : futures) {
        f.get();
        done = Math.min(users.length, done + CHUNK);
        pl.update(task, done, users.length);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }

    Map<String, double[]> perUser = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      perUser.put(names.get(j), values[j]);
    }
    Map<String, Double> aggregate = new LinkedHashMap<>();
    for (int k : cutoffs) {
      boolean[] covered = new boolean[numItems];
      int distinct = 0;
      for (Ranking r : rankings) {
        for (int p = 0; p < Math.min(k, r.size()); p++) {
          if (!covered[r.items()[p]]) {
            covered[r.items()[p]] = true;
            distinct++;
          }
        }
      }
      aggregate.put("Coverage@" + k, numItems == 0 ? 0.0 : (double) distinct / numItems);
    }
    long ratingRows = 0;
    if (model instanceof RatingPredictor rp && test.hasRatings()) {
      double[] pred = new double[test.size()];
      double[] actual = new double[test.size()];
      for (int k = 0; k < test.size(); k++) {
        pred[k] = rp.predict(test.user(k), test.item(k));
        actual[k] = test.rating(k);
      }
      ratingRows = test.size();
      aggregate.put("RMSE", Metrics.rmse(pred, actual));
      aggregate.put("MAE", Metrics.mae(pred, actual));
    }
    EvalResult.Counts counts =
        new EvalResult.Counts(testUsers, withoutRelevant, relevantSeen, belowThreshold, ratingRows);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    return new EvalResult(
        algorithm,
        opts.protocol(),
        opts.isSampled(),
        model.card(),
        train.users(),
        train.items(),
        users,
        perUser,
        aggregate,
        new TopLists(users, rankings),
        counts,
        0,
        millis);
  }

  /**
   * Evaluates with no item metadata and no progress.
   *
   * @param algorithm name to report
   * @param model the model
   * @param split the split
   * @param opts options
   * @return the result
   */
  public static EvalResult evaluate(
      String algorithm, Recommender model, Split split, EvalOptions opts) {
    return evaluate(algorithm, model, split, opts, Map.of(), ProgressListener.NONE);
  }

  /**
   * Returns the per-user metric names in report order.
   *
   * @param cutoffs sorted cutoffs
   * @param diversity whether intra-list diversity is measured
   * @return names
   */
  static List<String> metricNames(int[] cutoffs, boolean diversity) {
    List<String> names = new ArrayList<>();
    String[] kinds = {
      "Precision", "Recall", "CappedRecall", "NDCG", "MAP", "MRR", "HitRate", "Novelty"
    };
    for (String kind : kinds) {
      for (int k : cutoffs) {
        names.add(kind + "@" + k);
      }
    }
    if (diversity) {
      for (int k : cutoffs) {
        names.add("ILD@" + k);
      }
    }
    names.add("AUC");
    return names;
  }

  private static boolean known(SparseMatrix m, int u, int i) {
    return u < m.rows() && m.contains(u, i);
  }

  /** Everything the workers share; read-only. */
  private record Context(
      Recommender model,
      EvalOptions opts,
      int[] cutoffs,
      SparseMatrix trainM,
      SparseMatrix validM,
      SparseMatrix foldM,
      SparseMatrix relM,
      boolean foldIn,
      int[] popularity,
      int trainUsers,
      List<Set<String>> features,
      int numItems) {

    /** At most this many scores (users × items) are held per worker for batch scoring. */
    private static final long BATCH_SCORES = 4L << 20;

    void run(int[] users, int from, int to, double[][] values, Ranking[] rankings) {
      int batch =
          model instanceof BatchScorer b
              ? (int)
                  Math.max(
                      1,
                      Math.min(
                          Math.min(b.scoreBatchSize(), to - from),
                          BATCH_SCORES / Math.max(1, numItems)))
              : 1;
      if (batch <= 1) {
        runUsers(users, from, to, values, rankings, null);
        return;
      }
      // Users scored from their training rows go through the model's batch scoring, a block at a
      // time; users folded in from their items are scored one by one as before.
      float[][] block = new float[batch][numItems];
      for (int start = from; start < to; start += batch) {
        int end = Math.min(to, start + batch);
        int[] ids = new int[end - start];
        int n = 0;
        for (int idx = start; idx < end; idx++) {
          if (!folds(users[idx])) {
            ids[n++] = users[idx];
          }
        }
        if (n > 0) {
          float[][] rows = n == batch ? block : Arrays.copyOf(block, n);
          ((BatchScorer) model).scoreUsers(Arrays.copyOf(ids, n), rows);
        }
        runUsers(users, start, end, values, rankings, block);
      }
    }

    private boolean folds(int u) {
      return foldIn && u < foldM.rows() && foldM.rowNnz(u) > 0;
    }

    /**
     * Scores and measures users {@code from..to}. With {@code block}, the scores of the users not
     * folded in are already there, one row each, in their order.
     */
    private void runUsers(
        int[] users, int from, int to, double[][] values, Ranking[] rankings, float[][] block) {
      float[] own = new float[numItems];
      int row = 0;
      boolean[] excluded = new boolean[numItems];
      boolean[] relevant = new boolean[numItems];
      boolean[] candidate = opts.isSampled() ? new boolean[numItems] : null;
      int[] pool = opts.isSampled() ? new int[numItems] : null;
      int maxK = opts.maxCutoff();
      for (int idx = from; idx < to; idx++) {
        int u = users[idx];
        mark(trainM, u, excluded, true);
        mark(validM, u, excluded, true);
        boolean fold = folds(u);
        float[] scores = block != null && !fold ? block[row++] : own;
        mark(foldM, u, excluded, true);
        int nRel = 0;
        for (int k = relM.rowStart(u); k < relM.rowEnd(u); k++) {
          int i = relM.indices()[k];
          if (!excluded[i]) {
            relevant[i] = true;
            nRel++;
          }
        }
        if (fold) {
          int s = foldM.rowStart(u);
          int e = foldM.rowEnd(u);
          ((FoldIn) model)
              .scoreItems(
                  Arrays.copyOfRange(foldM.indices(), s, e),
                  Arrays.copyOfRange(foldM.values(), s, e),
                  scores);
        } else if (block == null) {
          Arrays.fill(scores, 0f);
          model.score(u, scores);
        }
        IntPredicate exclude;
        if (candidate != null) {
          sample(u, excluded, relevant, candidate, pool);
          exclude = i -> !candidate[i];
        } else {
          exclude = i -> excluded[i];
        }
        Ranking top = Ranker.topN(scores, maxK, exclude);
        rankings[idx] = top;
        boolean[] hit = new boolean[top.size()];
        for (int r = 0; r < hit.length; r++) {
          hit[r] = relevant[top.items()[r]];
        }
        int j = 0;
        int[] ranked = top.items();
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.precision(hit, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.recall(hit, nRel, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.cappedRecall(hit, nRel, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.ndcg(hit, nRel, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.averagePrecision(hit, nRel, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.reciprocalRank(hit, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.hitRate(hit, k);
        }
        for (int k : cutoffs) {
          values[j++][idx] = Metrics.novelty(ranked, k, popularity, trainUsers);
        }
        if (features != null) {
          for (int k : cutoffs) {
            values[j++][idx] = Metrics.intraListDiversity(ranked, k, features);
          }
        }
        values[j][idx] = auc(scores, excluded, relevant, candidate, nRel);
        // reset the per-user masks
        mark(trainM, u, excluded, false);
        mark(validM, u, excluded, false);
        mark(foldM, u, excluded, false);
        for (int k = relM.rowStart(u); k < relM.rowEnd(u); k++) {
          relevant[relM.indices()[k]] = false;
        }
        if (candidate != null) {
          Arrays.fill(candidate, false);
        }
      }
    }

    private double auc(
        float[] scores, boolean[] excluded, boolean[] relevant, boolean[] candidate, int nRel) {
      float[] pos = new float[nRel];
      float[] neg = new float[numItems];
      int p = 0;
      int n = 0;
      for (int i = 0; i < numItems; i++) {
        if (candidate != null ? !candidate[i] : excluded[i]) {
          continue;
        }
        if (relevant[i]) {
          pos[p++] = scores[i];
        } else {
          neg[n++] = scores[i];
        }
      }
      double a = Metrics.auc(Arrays.copyOf(pos, p), Arrays.copyOf(neg, n));
      return Double.isNaN(a) ? 1.0 : a; // no negatives left: every relevant item is ranked first
    }

    /** Marks the user's relevant items and N sampled negatives as candidates. */
    private void sample(
        int u, boolean[] excluded, boolean[] relevant, boolean[] candidate, int[] pool) {
      int size = 0;
      for (int i = 0; i < numItems; i++) {
        if (relevant[i]) {
          candidate[i] = true;
        } else if (!excluded[i]) {
          pool[size++] = i;
        }
      }
      int n = Math.min(opts.sampled(), size);
      SplittableRandom rng = new SplittableRandom(opts.seed() * 0x9E3779B97F4A7C15L + u);
      for (int k = 0; k < n; k++) {
        int j = k + rng.nextInt(size - k);
        int t = pool[k];
        pool[k] = pool[j];
        pool[j] = t;
        candidate[pool[k]] = true;
      }
    }

    private static void mark(SparseMatrix m, int u, boolean[] mask, boolean value) {
      if (u >= m.rows()) {
        return;
      }
      int[] idx = m.indices();
      for (int k = m.rowStart(u); k < m.rowEnd(u); k++) {
        mask[idx[k]] = value;
      }
    }
  }
}
