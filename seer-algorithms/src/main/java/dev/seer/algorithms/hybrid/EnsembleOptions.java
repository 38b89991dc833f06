package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.OptionReader;
import dev.seer.algorithms.blend.BlendOptions;
import dev.seer.algorithms.blend.BlendOptions.Component;
import dev.seer.api.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of {@link EnsembleTrainer}.
 *
 * @param components the combined algorithms with their options, 2 to 16, written as in {@link
 *     BlendOptions#parseComponents} (for example {@code ease+als(factors=128)+rp3beta}); any
 *     registered algorithm except {@code ensemble}; default {@value #DEFAULT_COMPONENTS}
 * @param method {@code weighted} (weighted sum of per-user standardised scores, weights fitted on
 *     validation) or {@code rrf} (reciprocal rank fusion, equal weights); default weighted
 * @param k the RRF constant, above 0; default 60 (Cormack, Clarke and Büttcher, SIGIR 2009)
 * @param validation share of each user's training rows held out to fit the weights (weighted only),
 *     above 0 and below 1; default 0.2
 * @param cutoff the K of the validation NDCG@K the weights maximise, 1 or more; default 10
 * @param rounds passes of the coordinate search over the weights, 1 to 20; default 2
 * @param maxUsers the most validation users scored (a seeded sample when there are more), 0 for
 *     all; default 3000
 */
public record EnsembleOptions(
    List<Component> components,
    Method method,
    double k,
    double validation,
    int cutoff,
    int rounds,
    int maxUsers) {
  /** The default components as text. */
  public static final String DEFAULT_COMPONENTS = "ease+als+rp3beta";

  /** How the components' scores are combined. */
  public enum Method {
    /** {@code sum_c w_c z_c(u, i)} with per-user standardised scores {@code z_c}. */
    WEIGHTED,
    /** {@code sum_c 1 / (k + rank_c(u, i))}, ranks among the user's unseen items, 1-based. */
    RRF
  }

  /** Validates the options; every component is created once to check its name and options. */
  public EnsembleOptions {
    if (components == null || components.size() < 2 || components.size() > 16) {
      throw new InputException(
          "components="
              + (components == null ? "none" : components.size() + " algorithms")
              + " is not valid; give 2 to 16 algorithms joined by +, such as "
              + DEFAULT_COMPONENTS
              + ".");
    }
    components = List.copyOf(components);
    for (Component c : components) {
      if (EnsembleTrainer.ALGORITHM.equals(c.algorithm())) {
        throw new InputException(
            "components="
                + text(components)
                + " is not valid; an ensemble cannot contain an"
                + " ensemble.");
      }
      Algorithms.create(c.algorithm(), c.options());
    }
    if (method == null) {
      throw new InputException("method is missing; give weighted or rrf.");
    }
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new InputException("k=" + k + " is not valid; give a finite number above 0.");
    }
    if (!(validation > 0 && validation < 1)) {
      throw new InputException(
          "validation=" + validation + " is not valid; give a share above 0 and below 1.");
    }
    if (cutoff < 1) {
      throw new InputException("cutoff=" + cutoff + " is not valid; give 1 or more.");
    }
    if (rounds < 1 || rounds > 20) {
      throw new InputException("rounds=" + rounds + " is not valid; give 1 to 20.");
    }
    if (maxUsers < 0) {
      throw new InputException(
          "maxUsers=" + maxUsers + " is not valid; give 0 (all users) or more.");
    }
  }

  /**
   * Returns the defaults.
   *
   * @return {@value #DEFAULT_COMPONENTS}, weighted, k 60, 20% validation, NDCG@10, 2 rounds
   */
  public static EnsembleOptions defaults() {
    return new EnsembleOptions(
        BlendOptions.parseComponents(DEFAULT_COMPONENTS), Method.WEIGHTED, 60, 0.2, 10, 2, 3000);
  }

  /**
   * Parses options from text, for example {@code components=ease+als,method=rrf}.
   *
   * @param options option values
   * @return the options
   * @throws InputException on unknown options or bad values
   */
  public static EnsembleOptions parse(Map<String, String> options) {
    OptionReader r = new OptionReader(EnsembleTrainer.ALGORITHM, options);
    String comps = r.text("components", DEFAULT_COMPONENTS);
    Method m = r.enumValue("method", Method.class, Method.WEIGHTED);
    double k = r.doubleValue("k", 60);
    double v = r.doubleValue("validation", 0.2);
    int cutoff = r.intValue("cutoff", 10);
    int rounds = r.intValue("rounds", 2);
    int maxUsers = r.intValue("maxUsers", 3000);
    r.finish();
    return new EnsembleOptions(
        BlendOptions.parseComponents(comps), m, k, v, cutoff, rounds, maxUsers);
  }

  private static String text(List<Component> components) {
    List<String> parts = new ArrayList<>();
    for (Component c : components) {
      parts.add(c.text());
    }
    return String.join("+", parts);
  }

  /**
   * Returns the options as text, as written to model cards and accepted by {@link #parse}.
   *
   * @return option name to value
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("components", text(components));
    m.put("method", OptionReader.display(method));
    m.put("k", Double.toString(k));
    m.put("validation", Double.toString(validation));
    m.put("cutoff", Integer.toString(cutoff));
    m.put("rounds", Integer.toString(rounds));
    m.put("maxUsers", Integer.toString(maxUsers));
    return m;
  }
}
