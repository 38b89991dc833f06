package dev.seer.algorithms.hybrid;

import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hybrid of a collaborative model and the content-based model (see {@link HybridTrainer}): {@code
 * score(u, i) = alpha * z_cf(u, i) + (1 - alpha) * z_content(u, i)} for items with training
 * interactions, and {@code z_content(u, i)} alone for items without any, where {@code z} are the
 * parts' scores standardised per user ({@link ScoreNorm}: mean 0 and standard deviation 1 over all
 * items) and {@code alpha} is the alpha of the user's activity bucket (or the global alpha).
 * Immutable and thread-safe when its parts are. When both parts fold in, the model is a {@link
 * FoldingHybridModel}.
 */
public sealed class HybridModel implements Recommender, Explainable permits FoldingHybridModel {
  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final Recommender cf;
  private final Recommender content;
  private final boolean[] warm;
  private final int[] activity;
  private final int[] bucketUpper;
  private final double[] bucketAlpha;
  private final double globalAlpha;
  private final boolean perBucket;

  HybridModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      Recommender cf,
      Recommender content,
      boolean[] warm,
      int[] activity,
      int[] bucketUpper,
      double[] bucketAlpha,
      double globalAlpha,
      boolean perBucket) {
    for (Recommender r : List.of(cf, content)) {
      if (!r.users().equals(users) || !r.items().equals(items)) {
        throw new IllegalArgumentException(
            "a part does not score over the hybrid's users and items");
      }
    }
    if (warm.length != items.size()
        || activity.length != users.size()
        || bucketAlpha.length != bucketUpper.length + 1) {
      throw new IllegalArgumentException("hybrid arrays do not match the indices or buckets");
    }
    for (double a : bucketAlpha) {
      checkAlpha(a);
    }
    checkAlpha(globalAlpha);
    for (int b = 1; b < bucketUpper.length; b++) {
      if (bucketUpper[b] < bucketUpper[b - 1]) {
        throw new IllegalArgumentException("bucket edges must not decrease");
      }
    }
    this.card = card;
    this.users = users;
    this.items = items;
    this.cf = cf;
    this.content = content;
    this.warm = warm.clone();
    this.activity = activity.clone();
    this.bucketUpper = bucketUpper.clone();
    this.bucketAlpha = bucketAlpha.clone();
    this.globalAlpha = globalAlpha;
    this.perBucket = perBucket;
  }

  private static void checkAlpha(double a) {
    if (!(a >= 0 && a <= 1)) {
      throw new IllegalArgumentException("alpha " + a + " is outside [0, 1]");
    }
  }

  static HybridModel of(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      Recommender cf,
      Recommender content,
      boolean[] warm,
      int[] activity,
      int[] bucketUpper,
      double[] bucketAlpha,
      double globalAlpha,
      boolean perBucket) {
    if (cf instanceof dev.seer.api.FoldIn && content instanceof dev.seer.api.FoldIn) {
      return new FoldingHybridModel(
          card,
          users,
          items,
          cf,
          content,
          warm,
          activity,
          bucketUpper,
          bucketAlpha,
          globalAlpha,
          perBucket);
    }
    return new HybridModel(
        card,
        users,
        items,
        cf,
        content,
        warm,
        activity,
        bucketUpper,
        bucketAlpha,
        globalAlpha,
        perBucket);
  }

  /**
   * Returns the collaborative part.
   *
   * @return the model
   */
  public Recommender cf() {
    return cf;
  }

  /**
   * Returns the content part.
   *
   * @return the model
   */
  public Recommender content() {
    return content;
  }

  /**
   * Tells whether an item had training interactions (else only the content part scores it).
   *
   * @param item item index
   * @return true for items with interactions
   */
  public boolean warm(int item) {
    return warm[item];
  }

  boolean[] warmMask() {
    return warm.clone();
  }

  int[] activity() {
    return activity.clone();
  }

  /**
   * Returns the inclusive upper edges of the activity buckets but the last: bucket {@code b} holds
   * users with at most {@code edges[b]} training interactions (and more than {@code edges[b-1]});
   * the last bucket holds the rest.
   *
   * @return {@code buckets - 1} edges, not decreasing
   */
  public int[] bucketEdges() {
    return bucketUpper.clone();
  }

  /**
   * Returns the fitted alpha of each activity bucket.
   *
   * @return one alpha per bucket
   */
  public double[] bucketAlphas() {
    return bucketAlpha.clone();
  }

  /**
   * Returns the fitted global alpha.
   *
   * @return alpha in [0, 1]
   */
  public double globalAlpha() {
    return globalAlpha;
  }

  /**
   * Tells whether scoring uses the bucket alphas (else the global one).
   *
   * @return true for per-bucket alphas
   */
  public boolean perBucket() {
    return perBucket;
  }

  /**
   * Returns the bucket of a number of interactions.
   *
   * @param interactions the user's number of training interactions
   * @return the bucket, 0-based
   */
  public int bucket(int interactions) {
    return bucket(bucketUpper, interactions);
  }

  static int bucket(int[] upper, int interactions) {
    int b = 0;
    while (b < upper.length && interactions > upper[b]) {
      b++;
    }
    return b;
  }

  /**
   * Returns the alpha used for a user with so many training interactions.
   *
   * @param interactions the number of interactions
   * @return alpha in [0, 1]
   */
  public double alpha(int interactions) {
    return perBucket ? bucketAlpha[bucket(interactions)] : globalAlpha;
  }

  private int activityOf(int user) {
    return user >= 0 && user < activity.length ? activity[user] : 0;
  }

  @Override
  public ModelCard card() {
    return card;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public void score(int user, float[] out) {
    float[] c = new float[out.length];
    cf.score(user, c);
    content.score(user, out);
    combine(alpha(activityOf(user)), c, out);
  }

  /**
   * Mixes standardised parts: {@code ct} receives the hybrid scores.
   *
   * @param a alpha
   * @param c the collaborative scores (standardised in place)
   * @param ct the content scores, replaced by the hybrid scores
   */
  final void combine(double a, float[] c, float[] ct) {
    ScoreNorm.standardise(c);
    ScoreNorm.standardise(ct);
    for (int i = 0; i < ct.length; i++) {
      if (warm[i]) {
        ct[i] = (float) (a * c[i] + (1 - a) * ct[i]);
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Per-feature contributions that add up to the score. The score is linear in the parts' scores
   * for a given user ({@code z = (s - mean) / sd} with the user's mean and standard deviation), so
   * the contributions are exact: each part's reasons times its weight in the score ({@code alpha /
   * sd_cf} for the collaborative part, {@code (1 - alpha) / sd_content} for the content part;
   * {@code 1 / sd_content} and no collaborative reasons for items without training interactions),
   * one reason of kind {@code "part"} per part for the rest of its score that its own reasons leave
   * out (feature {@code cf:ALGORITHM} or {@code content:ALGORITHM}; none for the content model,
   * whose reasons are its whole score), and one reason of kind {@code "baseline"} (feature {@code
   * "user mean score (standardisation)"}): {@code -(alpha * mean_cf / sd_cf + (1 - alpha) *
   * mean_content / sd_content)}, the same for all of the user's items. Reasons of the same item or
   * feature are added up; largest first. With {@code max} at least the number of reasons, they add
   * up to the score (up to float rounding of the score).
   */
  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0 || item < 0 || item >= items.size()) {
      return List.of();
    }
    float[] c = new float[items.size()];
    float[] t = new float[items.size()];
    cf.score(user, c);
    content.score(user, t);
    double[] sc = ScoreNorm.stats(c);
    double[] st = ScoreNorm.stats(t);
    double a = warm[item] ? alpha(activityOf(user)) : 0;
    List<Reason> all = new ArrayList<>();
    if (a > 0) {
      Contributions.standardised(
          cf, "cf:" + cf.card().algorithm(), user, item, c[item], sc, a, all);
    }
    if (a < 1) {
      Contributions.standardised(
          content, "content:" + content.card().algorithm(), user, item, t[item], st, 1 - a, all);
    }
    return merge(all, max);
  }

  /** Adds up reasons with the same kind, item and feature; largest first, then by item, feature. */
  static List<Reason> merge(List<Reason> all, int max) {
    Map<List<Object>, Reason> by = new LinkedHashMap<>();
    for (Reason r : all) {
      by.merge(
          List.of(r.kind(), r.item(), r.feature()),
          r,
          (x, y) ->
              new Reason(x.kind(), x.item(), x.feature(), x.contribution() + y.contribution()));
    }
    Reason[] rs = by.values().toArray(new Reason[0]);
    Arrays.sort(
        rs,
        (x, y) -> {
          int k = Double.compare(y.contribution(), x.contribution());
          if (k != 0) {
            return k;
          }
          k = Integer.compare(x.item(), y.item());
          return k != 0 ? k : x.feature().compareTo(y.feature());
        });
    return List.of(Arrays.copyOf(rs, Math.min(max, rs.length)));
  }
}
