package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.blend.BlendOptions.Component;
import dev.seer.algorithms.hybrid.EnsembleOptions.Method;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains {@link EnsembleModel}s (algorithm {@value #ALGORITHM}) of any trained models.
 *
 * <p>{@code rrf}: every component trains on all training rows (component {@code c}, 0-based, with
 * seed {@code seed + c}) and the scores are fused by reciprocal rank with equal weights 1 and the
 * constant {@code k} (60 by default, as recommended by Cormack, Clarke and Büttcher, SIGIR 2009).
 *
 * <p>{@code weighted}: the weights of the standardised scores are fitted on validation data:
 *
 * <ol>
 *   <li>A per-user random share {@code validation} of the training rows is held out ({@link
 *       Validation#carve}, seeded with the context's seed); the components train on the rest and
 *       score the validation users (at most {@code maxUsers}, a seeded sample).
 *   <li>Coordinate search from all weights 1: for {@code rounds} passes, each weight in turn takes
 *       the value of {@value #GRID_TEXT} that gives the highest mean validation NDCG@{@code cutoff}
 *       (full ranking, fit-part items excluded) with the other weights fixed; a value replaces the
 *       current one only if it is strictly better, and at least one weight stays positive.
 *   <li>The components are trained again, with the same seeds, on all training rows.
 * </ol>
 *
 * The weights and the validation NDCG of each component alone and of the ensemble are written to
 * the model card's metrics. The test data is never seen.
 */
public final class EnsembleTrainer implements Trainer<EnsembleModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "ensemble";

  /** The weights tried by the coordinate search. */
  static final double[] GRID = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4};

  private static final String GRID_TEXT = "{0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4}";

  private final EnsembleOptions options;

  /** Creates a trainer with the default options. */
  public EnsembleTrainer() {
    this(EnsembleOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public EnsembleTrainer(EnsembleOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public EnsembleOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public EnsembleModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    List<Component> comps = options.components();
    int m = comps.size();
    ProgressListener progress = context.progress();
    String task = ALGORITHM + ": components";
    double[] weights = new double[m];
    Arrays.fill(weights, 1);
    Map<String, Double> metrics = new LinkedHashMap<>();
    boolean weighted = options.method() == Method.WEIGHTED;
    int steps = weighted ? 2 * m : m;
    int done = 0;
    if (weighted) {
      Split carved =
          Validation.carve(
              Split.of("ensemble", train, train.select(new int[0])),
              options.validation(),
              context.seed());
      if (carved.validation().size() > 0) {
        List<Recommender> fitted = new ArrayList<>();
        for (int c = 0; c < m; c++) {
          fitted.add(HybridTrainer.part(comps.get(c), carved.train(), context, c));
          progress.update(task, ++done, steps);
        }
        ValidationScores vs =
            ValidationScores.build(
                fitted,
                carved.train(),
                carved.validation(),
                options.maxUsers(),
                context.seed(),
                context.threads());
        String at = "@" + options.cutoff();
        for (int c = 0; c < m; c++) {
          double[] only = new double[m];
          only[c] = 1;
          metrics.put(
              "validation.ndcg" + at + "." + c + "." + comps.get(c).algorithm(),
              meanNdcg(vs, only, options.cutoff()));
        }
        double best = search(vs, weights, options.cutoff(), options.rounds());
        metrics.put("validation.ndcg" + at + ".ensemble", best);
      } else {
        done += m;
      }
    }
    List<Recommender> models = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      models.add(HybridTrainer.part(comps.get(c), train, context, c));
      progress.update(task, ++done, steps);
    }
    for (int c = 0; c < m; c++) {
      metrics.put("weight." + c, weights[c]);
    }
    ModelCard card =
        ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train).withMetrics(metrics);
    SparseMatrix seen = weighted ? empty(train.numUsers(), train.numItems()) : train.byUser();
    return EnsembleModel.of(
        card, train.users(), train.items(), models, weights, options.method(), options.k(), seen);
  }

  static SparseMatrix empty(int rows, int cols) {
    return new SparseMatrix(rows, cols, new int[rows + 1], new int[0], new float[0]);
  }

  /**
   * Coordinate search over {@link #GRID}; updates {@code w} in place.
   *
   * @return the mean validation NDCG of the final weights
   */
  static double search(ValidationScores vs, double[] w, int cutoff, int rounds) {
    double best = meanNdcg(vs, w, cutoff);
    for (int round = 0; round < rounds; round++) {
      boolean changed = false;
      for (int c = 0; c < w.length; c++) {
        double keep = w[c];
        double bestValue = keep;
        for (double g : GRID) {
          if (g == keep) {
            continue;
          }
          w[c] = g;
          if (Arrays.stream(w).allMatch(x -> x == 0)) {
            continue;
          }
          double v = meanNdcg(vs, w, cutoff);
          if (v > best + 1e-12) {
            best = v;
            bestValue = g;
          }
        }
        w[c] = bestValue;
        changed |= bestValue != keep;
      }
      if (!changed) {
        break;
      }
    }
    return best;
  }

  /** Mean validation NDCG@cutoff of {@code sum_c w_c z_c}. */
  static double meanNdcg(ValidationScores vs, double[] w, int cutoff) {
    float[] s = vs.scratch();
    double sum = 0;
    for (int k = 0; k < vs.size(); k++) {
      Arrays.fill(s, 0f);
      for (int c = 0; c < w.length; c++) {
        if (w[c] != 0) {
          float[] z = vs.z[c][k];
          float wc = (float) w[c];
          for (int i = 0; i < s.length; i++) {
            s[i] += wc * z[i];
          }
        }
      }
      sum += vs.ndcg(k, s, cutoff);
    }
    return vs.size() == 0 ? 0 : sum / vs.size();
  }
}
