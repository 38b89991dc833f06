package dev.seer.eval;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one evaluation of one model measured: per-user values of every per-user metric (so means,
 * confidence intervals and paired tests can be computed), aggregate metrics (coverage, RMSE, MAE),
 * the top-N lists, and counts of what was left out. Immutable.
 */
public final class EvalResult {
  private final String algorithm;
  private final String protocol;
  private final boolean sampled;
  private final ModelCard card;
  private final IdIndex userIndex;
  private final IdIndex itemIndex;
  private final int[] users;
  private final Map<String, double[]> perUser;
  private final Map<String, Double> aggregate;
  private final TopLists topLists;
  private final Counts counts;
  private final long trainMillis;
  private final long evalMillis;

  /**
   * What the evaluation left out, so nothing is dropped silently.
   *
   * @param testUsers users with at least one test row
   * @param usersWithoutRelevant test users skipped because no relevant test item remained
   * @param relevantSeen relevant test pairs dropped because the item was already among the user's
   *     training, validation or fold-in items (it cannot be recommended)
   * @param belowThreshold test rows below the relevance threshold
   * @param ratingRows test rows used for RMSE and MAE (0 when the model does not predict ratings)
   */
  public record Counts(
      int testUsers,
      int usersWithoutRelevant,
      long relevantSeen,
      long belowThreshold,
      long ratingRows) {}

  EvalResult(
      String algorithm,
      String protocol,
      boolean sampled,
      ModelCard card,
      IdIndex userIndex,
      IdIndex itemIndex,
      int[] users,
      Map<String, double[]> perUser,
      Map<String, Double> aggregate,
      TopLists topLists,
      Counts counts,
      long trainMillis,
      long evalMillis) {
    this.algorithm = algorithm;
    this.protocol = protocol;
    this.sampled = sampled;
    this.card = card;
    this.userIndex = userIndex;
    this.itemIndex = itemIndex;
    this.users = users;
    this.perUser = Collections.unmodifiableMap(new LinkedHashMap<>(perUser));
    this.aggregate = Collections.unmodifiableMap(new LinkedHashMap<>(aggregate));
    this.topLists = topLists;
    this.counts = counts;
    this.trainMillis = trainMillis;
    this.evalMillis = evalMillis;
  }

  /**
   * Returns a copy with training and evaluation times.
   *
   * @param train training time in milliseconds
   * @param eval evaluation time in milliseconds
   * @return the copy
   */
  public EvalResult withTimings(long train, long eval) {
    return new EvalResult(
        algorithm, protocol, sampled, card, userIndex, itemIndex, users, perUser, aggregate,
        topLists, counts, train, eval);
  }

  /**
   * Returns the name the algorithm was evaluated under.
   *
   * @return for example {@code "item-knn"}
   */
  public String algorithm() {
    return algorithm;
  }

  /**
   * Returns the protocol label, which says "sampled" for sampled evaluation.
   *
   * @return the label
   */
  public String protocol() {
    return protocol;
  }

  /**
   * Tells whether negatives were sampled.
   *
   * @return true for sampled evaluation
   */
  public boolean sampled() {
    return sampled;
  }

  /**
   * Returns the evaluated model's card.
   *
   * @return the card
   */
  public ModelCard card() {
    return card;
  }

  /**
   * Returns the user index of the split.
   *
   * @return users
   */
  public IdIndex userIndex() {
    return userIndex;
  }

  /**
   * Returns the item index of the split.
   *
   * @return items
   */
  public IdIndex itemIndex() {
    return itemIndex;
  }

  /**
   * Returns the evaluated users (indices, ascending); per-user arrays align with it.
   *
   * @return a copy of the user indices
   */
  public int[] users() {
    return users.clone();
  }

  /**
   * Returns the names of per-user metrics, in report order.
   *
   * @return names such as {@code NDCG@10}
   */
  public List<String> perUserMetrics() {
    return List.copyOf(perUser.keySet());
  }

  /**
   * Returns the names of aggregate metrics (coverage, RMSE, MAE).
   *
   * @return names
   */
  public List<String> aggregateMetrics() {
    return List.copyOf(aggregate.keySet());
  }

  /**
   * Returns every metric name: per-user ones first, then aggregate ones.
   *
   * @return names
   */
  public List<String> allMetrics() {
    List<String> all = new ArrayList<>(perUser.keySet());
    all.addAll(aggregate.keySet());
    return all;
  }

  /**
   * Tells whether a metric was measured.
   *
   * @param metric name
   * @return true if present
   */
  public boolean has(String metric) {
    return perUser.containsKey(metric) || aggregate.containsKey(metric);
  }

  /**
   * Returns one user-level metric's values.
   *
   * @param metric name
   * @return a copy, aligned with {@link #users()}
   */
  public double[] perUser(String metric) {
    double[] v = perUser.get(metric);
    if (v == null) {
      throw new IllegalArgumentException(
          "no per-user metric " + metric + "; have " + perUser.keySet());
    }
    return v.clone();
  }

  /**
   * Returns the mean of a per-user metric, or the value of an aggregate one.
   *
   * @param metric name
   * @return the value
   */
  public double mean(String metric) {
    Double a = aggregate.get(metric);
    if (a != null) {
      return a;
    }
    return summary(metric).mean();
  }

  /**
   * Returns mean, standard deviation and 95% confidence interval of a per-user metric.
   *
   * @param metric name of a per-user metric
   * @return the summary
   */
  public Summary summary(String metric) {
    double[] v = perUser.get(metric);
    if (v == null) {
      throw new IllegalArgumentException(
          "no per-user metric " + metric + "; have " + perUser.keySet());
    }
    return Summary.of(v);
  }

  /**
   * Returns the top-N lists.
   *
   * @return lists of the evaluated users
   */
  public TopLists topLists() {
    return topLists;
  }

  /**
   * Returns what was left out.
   *
   * @return the counts
   */
  public Counts counts() {
    return counts;
  }

  /**
   * Returns the training time, if recorded.
   *
   * @return milliseconds, or 0
   */
  public long trainMillis() {
    return trainMillis;
  }

  /**
   * Returns the evaluation time.
   *
   * @return milliseconds
   */
  public long evalMillis() {
    return evalMillis;
  }
}
