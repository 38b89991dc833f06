package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.Checks;
import dev.seer.algorithms.blend.BlendOptions.Component;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.Validation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains {@link HybridModel}s (algorithm {@value #ALGORITHM}): {@code alpha * CF + (1 - alpha) *
 * content} on per-user standardised scores (mean 0, standard deviation 1 over all items, so that
 * {@code alpha} weighs two parts of equal spread), with alpha chosen on validation data carved from
 * the training data.
 *
 * <ol>
 *   <li>A per-user random share {@code validation} of the training rows is held out ({@link
 *       Validation#carve}, seeded with the context's seed).
 *   <li>The CF part trains on the rest with the context's seed, the content part with seed + 1;
 *       both score the validation users (at most {@code maxUsers}, a seeded sample).
 *   <li>For each alpha in {@code 0, 1/alphaSteps, ..., 1} the validation NDCG@{@code cutoff} of
 *       every user is computed by full ranking (fit-part items excluded). The global alpha
 *       maximises the mean over all validation users; the alpha of each activity bucket maximises
 *       the mean over the bucket's users (ties go to the smaller alpha), or is the global alpha
 *       when the bucket has fewer than {@code minBucketUsers} validation users.
 *   <li>The buckets are by the user's number of distinct training items (all training rows, as at
 *       serving time): the upper edges are the {@code b/buckets} quantiles (nearest rank) of that
 *       number over the users with training rows; the edges and alphas are written to the model
 *       card's metrics ({@code bucket.B.maxInteractions}, {@code alpha.bucket.B}, {@code
 *       alpha.global}), with the validation NDCG of CF alone, content alone and the hybrid.
 *   <li>Both parts are trained again, with the same seeds, on all training rows.
 * </ol>
 *
 * Items without training interactions get the content score alone, so they can be recommended. When
 * no row can be held out, alpha is 0.5 everywhere. The test data is never seen.
 */
public final class HybridTrainer implements Trainer<HybridModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "hybrid";

  private final HybridOptions options;

  /** Creates a trainer with the default options. */
  public HybridTrainer() {
    this(HybridOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public HybridTrainer(HybridOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public HybridOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public HybridModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    ProgressListener progress = context.progress();
    String task = ALGORITHM + ": parts";
    int[] activity = activity(train.byUser());
    int[] upper = edges(activity, options.buckets());
    int b = options.buckets();
    double[] bucketAlpha = new double[b];
    Arrays.fill(bucketAlpha, 0.5);
    double global = 0.5;
    Map<String, Double> metrics = new LinkedHashMap<>();
    Split carved =
        Validation.carve(
            Split.of("hybrid", train, train.select(new int[0])),
            options.validation(),
            context.seed());
    Interactions held = carved.validation();
    if (held.size() > 0) {
      Recommender cfFit = part(options.cf(), carved.train(), context, 0);
      progress.update(task, 1, 4);
      Recommender ctFit = part(options.content(), carved.train(), context, 1);
      progress.update(task, 2, 4);
      ValidationScores vs =
          ValidationScores.build(
              List.of(cfFit, ctFit),
              carved.train(),
              held,
              options.maxUsers(),
              context.seed(),
              context.threads());
      boolean[] warmFit = warm(carved.train());
      int steps = options.alphaSteps();
      int n = vs.size();
      double[][] ndcg = new double[steps + 1][n];
      float[] s = vs.scratch();
      for (int k = 0; k < n; k++) {
        float[] c = vs.z[0][k];
        float[] t = vs.z[1][k];
        for (int a = 0; a <= steps; a++) {
          double alpha = (double) a / steps;
          for (int i = 0; i < s.length; i++) {
            s[i] = warmFit[i] ? (float) (alpha * c[i] + (1 - alpha) * t[i]) : t[i];
          }
          ndcg[a][k] = vs.ndcg(k, s, options.cutoff());
        }
      }
      int[] all = new int[n];
      Arrays.fill(all, 1);
      int ga = best(ndcg, all);
      global = (double) ga / steps;
      int[] bucketOf = new int[n];
      int[] count = new int[b];
      for (int k = 0; k < n; k++) {
        bucketOf[k] = HybridModel.bucket(upper, activity[vs.users[k]]);
        count[bucketOf[k]]++;
      }
      String at = "@" + options.cutoff();
      metrics.put("validation.ndcg" + at + ".content", mean(ndcg[0], all));
      metrics.put("validation.ndcg" + at + ".cf", mean(ndcg[steps], all));
      metrics.put("validation.ndcg" + at + ".global", mean(ndcg[ga], all));
      double perBucketSum = 0;
      for (int bb = 0; bb < b; bb++) {
        int[] in = new int[n];
        for (int k = 0; k < n; k++) {
          in[k] = bucketOf[k] == bb ? 1 : 0;
        }
        int ba = count[bb] >= Math.max(1, options.minBucketUsers()) ? best(ndcg, in) : ga;
        bucketAlpha[bb] = (double) ba / steps;
        for (int k = 0; k < n; k++) {
          perBucketSum += in[k] * ndcg[ba][k];
        }
        metrics.put("validation.users.bucket." + bb, (double) count[bb]);
      }
      metrics.put("validation.ndcg" + at + ".buckets", n == 0 ? 0 : perBucketSum / n);
    }
    metrics.put("alpha.global", global);
    for (int bb = 0; bb < b; bb++) {
      metrics.put("alpha.bucket." + bb, bucketAlpha[bb]);
      if (bb < upper.length) {
        metrics.put("bucket." + bb + ".maxInteractions", (double) upper[bb]);
      }
    }
    Recommender cf = part(options.cf(), train, context, 0);
    progress.update(task, 3, 4);
    Recommender ct = part(options.content(), train, context, 1);
    progress.update(task, 4, 4);
    ModelCard card =
        ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train).withMetrics(metrics);
    return HybridModel.of(
        card,
        train.users(),
        train.items(),
        cf,
        ct,
        warm(train),
        activity,
        upper,
        bucketAlpha,
        global,
        options.perBucket());
  }

  /** The first index of the largest mean over the selected users (ties to the smaller index). */
  static int best(double[][] values, int[] selected) {
    int best = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < values.length; a++) {
      double m = mean(values[a], selected);
      if (m > bestMean + 1e-12) {
        bestMean = m;
        best = a;
      }
    }
    return best;
  }

  private static double mean(double[] v, int[] selected) {
    double s = 0;
    int n = 0;
    for (int k = 0; k < v.length; k++) {
      if (selected[k] != 0) {
        s += v[k];
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }

  static Recommender part(Component c, Interactions data, TrainingContext context, int offset) {
    TrainingContext ctx =
        new TrainingContext(
            context.seed() + offset, context.items(), context.progress(), context.threads());
    return Algorithms.create(c.algorithm(), c.options()).fit(data, ctx);
  }

  static boolean[] warm(Interactions data) {
    boolean[] w = new boolean[data.numItems()];
    for (int k = 0; k < data.size(); k++) {
      w[data.item(k)] = true;
    }
    return w;
  }

  /** Each user's number of distinct training items. */
  static int[] activity(SparseMatrix byUser) {
    int[] a = new int[byUser.rows()];
    for (int u = 0; u < a.length; u++) {
      a[u] = (int) Arrays.stream(byUser.row(u)).distinct().count();
    }
    return a;
  }

  /**
   * The upper edges of the activity buckets: for {@code b = 1 .. buckets-1} the nearest-rank
   * quantile {@code b / buckets} of the activity of users with at least one training item.
   */
  static int[] edges(int[] activity, int buckets) {
    int[] active = Arrays.stream(activity).filter(x -> x > 0).sorted().toArray();
    int[] upper = new int[buckets - 1];
    for (int b = 1; b < buckets; b++) {
      if (active.length == 0) {
        upper[b - 1] = 0;
      } else {
        int rank = (int) Math.ceil((double) b / buckets * active.length);
        upper[b - 1] = active[Math.max(0, Math.min(active.length, rank) - 1)];
      }
    }
    return upper;
  }
}
