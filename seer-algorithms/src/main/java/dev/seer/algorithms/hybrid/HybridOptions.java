package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.OptionReader;
import dev.seer.algorithms.blend.BlendOptions;
import dev.seer.algorithms.blend.BlendOptions.Component;
import dev.seer.algorithms.content.ContentTrainer;
import dev.seer.api.InputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@link HybridTrainer}.
 *
 * @param cf the collaborative part: any registered algorithm except {@code hybrid}, written as in
 *     {@link BlendOptions#parseComponents} (for example {@code ease(regularization=500)}, or an
 *     {@code ensemble}); default {@value #DEFAULT_CF}
 * @param content the content part, algorithm {@code content} with its options; default {@code
 *     content}
 * @param validation share of each user's training rows held out to choose alpha, above 0 and below
 *     1; default 0.2
 * @param buckets number of user-activity buckets, 1 to 20, each with its own alpha; the bucket
 *     edges are quantiles of the number of training interactions per user; default 3
 * @param perBucket whether the model scores with the alpha of the user's bucket (true) or with the
 *     one global alpha (false); both are always fitted and written to the model card; default true
 * @param cutoff the K of the validation NDCG@K that alpha maximises, 1 or more; default 10
 * @param alphaSteps the alphas tried are {@code 0, 1/alphaSteps, ..., 1}, 1 to 1000; default 20
 * @param minBucketUsers a bucket with fewer validation users than this takes the global alpha, 0 or
 *     more; default 30
 * @param maxUsers the most validation users scored (a seeded sample when there are more), 0 for
 *     all; default 3000
 */
public record HybridOptions(
    Component cf,
    Component content,
    double validation,
    int buckets,
    boolean perBucket,
    int cutoff,
    int alphaSteps,
    int minBucketUsers,
    int maxUsers) {
  /** The default collaborative part. */
  public static final String DEFAULT_CF = "ease";

  /** Validates the options; both parts are created once to check their names and options. */
  public HybridOptions {
    if (cf == null || HybridTrainer.ALGORITHM.equals(cf.algorithm())) {
      throw new InputException(
          "cf="
              + (cf == null ? "none" : cf.text())
              + " is not valid; give a collaborative"
              + " algorithm other than hybrid, for example ease.");
    }
    Algorithms.create(cf.algorithm(), cf.options());
    if (content == null || !ContentTrainer.ALGORITHM.equals(content.algorithm())) {
      throw new InputException(
          "content="
              + (content == null ? "none" : content.text())
              + " is not valid; give the content algorithm, optionally with its options, for"
              + " example content(maxWords=2000).");
    }
    Algorithms.create(content.algorithm(), content.options());
    if (!(validation > 0 && validation < 1)) {
      throw new InputException(
          "validation=" + validation + " is not valid; give a share above 0 and below 1.");
    }
    if (buckets < 1 || buckets > 20) {
      throw new InputException("buckets=" + buckets + " is not valid; give 1 to 20.");
    }
    if (cutoff < 1) {
      throw new InputException("cutoff=" + cutoff + " is not valid; give 1 or more.");
    }
    if (alphaSteps < 1 || alphaSteps > 1000) {
      throw new InputException("alphaSteps=" + alphaSteps + " is not valid; give 1 to 1000.");
    }
    if (minBucketUsers < 0) {
      throw new InputException(
          "minBucketUsers=" + minBucketUsers + " is not valid; give 0 or more.");
    }
    if (maxUsers < 0) {
      throw new InputException(
          "maxUsers=" + maxUsers + " is not valid; give 0 (all users) or more.");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return ease + content, 20% validation, 3 buckets, NDCG@10, 21 alphas
   */
  public static HybridOptions defaults() {
    return new HybridOptions(
        one(DEFAULT_CF, "cf"),
        one(ContentTrainer.ALGORITHM, "content"),
        0.2,
        3,
        true,
        10,
        20,
        30,
        3000);
  }

  /**
   * Parses options from text, for example {@code cf=ease(regularization=500),buckets=4}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static HybridOptions parse(Map<String, String> options) {
    OptionReader r = new OptionReader(HybridTrainer.ALGORITHM, options);
    String cf = r.text("cf", DEFAULT_CF);
    String content = r.text("content", ContentTrainer.ALGORITHM);
    double v = r.doubleValue("validation", 0.2);
    int b = r.intValue("buckets", 3);
    boolean pb = r.booleanValue("perBucket", true);
    int k = r.intValue("cutoff", 10);
    int steps = r.intValue("alphaSteps", 20);
    int minUsers = r.intValue("minBucketUsers", 30);
    int maxUsers = r.intValue("maxUsers", 3000);
    r.finish();
    return new HybridOptions(
        one(cf, "cf"), one(content, "content"), v, b, pb, k, steps, minUsers, maxUsers);
  }

  static Component one(String text, String name) {
    List<Component> c = BlendOptions.parseComponents(text);
    if (c.size() != 1) {
      throw new InputException(
          name
              + "="
              + text
              + " is not valid; give one algorithm, with its options in"
              + " parentheses separated by ;, for example ease(regularization=500).");
    }
    return c.get(0);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cf", cf.text());
    m.put("content", content.text());
    m.put("validation", Double.toString(validation));
    m.put("buckets", Integer.toString(buckets));
    m.put("perBucket", Boolean.toString(perBucket));
    m.put("cutoff", Integer.toString(cutoff));
    m.put("alphaSteps", Integer.toString(alphaSteps));
    m.put("minBucketUsers", Integer.toString(minBucketUsers));
    m.put("maxUsers", Integer.toString(maxUsers));
    return m;
  }
}
