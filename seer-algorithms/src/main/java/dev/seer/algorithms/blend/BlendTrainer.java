package dev.seer.algorithms.blend;

import dev.seer.algorithms.Algorithms;
import dev.seer.algorithms.Checks;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.RatingPredictor;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains {@link BlendModel}s (algorithm {@value #ALGORITHM}): a linear combination {@code w_0 +
 * sum_c w_c r_c(u, i)} of the ratings predicted by several models, as in the blends of the Netflix
 * Prize (Koren, "The BellKor Solution to the Netflix Grand Prize", 2009).
 *
 * <ol>
 *   <li>A per-user random share {@code validation} of the training rows is held out ({@link
 *       Validation#carve}, seeded with the context's seed).
 *   <li>Each component {@code c} (0-based) trains on the rest with seed {@code seed + c} and
 *       predicts the held-out rows.
 *   <li>The weights minimise the squared error on the held-out rows plus {@code ridge * rows *
 *       |w|^2} (the intercept is not penalised), solved exactly from the normal equations.
 *   <li>Each component is trained again, with the same seed, on all training rows; the model
 *       combines these with the fitted weights.
 * </ol>
 *
 * The test data is never seen. When no row can be held out (every user has a single rating), the
 * weights are the plain average {@code 1/m}. Needs explicit ratings, and every component must
 * predict ratings.
 */
public final class BlendTrainer implements Trainer<BlendModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "blend";

  private final BlendOptions options;

  /** Creates a trainer with the default options. */
  public BlendTrainer() {
    this(BlendOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public BlendTrainer(BlendOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public BlendOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public BlendModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Checks.requireRatings(train, ALGORITHM);
    List<BlendOptions.Component> comps = options.components();
    int m = comps.size();
    Split whole = Split.of("blend", train, train.select(new int[0]));
    Split carved = Validation.carve(whole, options.validation(), context.seed());
    Interactions fitPart = carved.train();
    Interactions held = carved.validation();
    ProgressListener progress = context.progress();
    String task = ALGORITHM + ": components";
    int steps = held.size() > 0 ? 2 * m : m;
    int done = 0;
    double[] weights;
    if (held.size() > 0) {
      double[][] x = new double[m][];
      for (int c = 0; c < m; c++) {
        RatingPredictor rp = predictor(comps.get(c), fitPart, context, c);
        double[] col = new double[held.size()];
        for (int k = 0; k < col.length; k++) {
          col[k] = rp.predict(held.user(k), held.item(k));
        }
        x[c] = col;
        progress.update(task, ++done, steps);
      }
      double[] y = new double[held.size()];
      for (int k = 0; k < y.length; k++) {
        y[k] = held.rating(k);
      }
      weights = fitWeights(x, y, options.ridge());
    } else {
      weights = new double[m + 1];
      for (int c = 0; c < m; c++) {
        weights[c + 1] = 1.0 / m;
      }
    }
    List<Recommender> models = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      models.add((Recommender) predictor(comps.get(c), train, context, c));
      progress.update(task, ++done, steps);
    }
    float[] r = train.ratingColumn();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : r) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new BlendModel(card, train.users(), train.items(), models, weights, min, max);
  }

  private static RatingPredictor predictor(
      BlendOptions.Component c, Interactions data, TrainingContext context, int index) {
    Trainer<? extends Recommender> t = Algorithms.create(c.algorithm(), c.options());
    TrainingContext ctx =
        new TrainingContext(
            context.seed() + index, context.items(), context.progress(), context.threads());
    Recommender model = t.fit(data, ctx);
    if (!(model instanceof RatingPredictor rp)) {
      throw new InputException(
          "Blend component '"
              + c.algorithm()
              + "' does not predict ratings; blend rating predictors such as svdpp, biased-mf"
              + " or bias-baseline.");
    }
    return rp;
  }

  /**
   * Least squares with an unpenalised intercept: minimises {@code sum_k (y_k - w_0 - sum_c w_c
   * x[c][k])^2 + ridge * n * sum_c w_c^2}.
   *
   * @return {@code [w_0, w_1, ..., w_m]}
   */
  static double[] fitWeights(double[][] x, double[] y, double ridge) {
    int m = x.length;
    int n = y.length;
    int d = m + 1;
    double[] a = new double[d * d];
    double[] b = new double[d];
    double[] row = new double[d];
    for (int k = 0; k < n; k++) {
      row[0] = 1;
      for (int c = 0; c < m; c++) {
        row[c + 1] = x[c][k];
      }
      for (int i = 0; i < d; i++) {
        b[i] += row[i] * y[k];
        for (int j = 0; j < d; j++) {
          a[i * d + j] += row[i] * row[j];
        }
      }
    }
    for (int i = 1; i < d; i++) {
      a[i * d + i] += ridge * n;
    }
    return solve(a, b, d);
  }

  /**
   * Gaussian elimination with partial pivoting; a tiny diagonal term is added when the system is
   * singular (for example two identical components), which splits their weight evenly.
   */
  private static double[] solve(double[] a0, double[] b0, int d) {
    double scale = 0;
    for (int i = 0; i < d; i++) {
      scale = Math.max(scale, Math.abs(a0[i * d + i]));
    }
    double jitter = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      double[] a = a0.clone();
      double[] b = b0.clone();
      for (int i = 0; i < d; i++) {
        a[i * d + i] += jitter;
      }
      boolean ok = true;
      for (int col = 0; col < d && ok; col++) {
        int piv = col;
        for (int r = col + 1; r < d; r++) {
          if (Math.abs(a[r * d + col]) > Math.abs(a[piv * d + col])) {
            piv = r;
          }
        }
        if (!(Math.abs(a[piv * d + col]) > 1e-12 * Math.max(scale, 1))) {
          ok = false;
          break;
        }
        if (piv != col) {
          for (int c = 0; c < d; c++) {
            double t = a[col * d + c];
            a[col * d + c] = a[piv * d + c];
            a[piv * d + c] = t;
          }
          double t = b[col];
          b[col] = b[piv];
          b[piv] = t;
        }
        for (int r = col + 1; r < d; r++) {
          double f = a[r * d + col] / a[col * d + col];
          for (int c = col; c < d; c++) {
            a[r * d + c] -= f * a[col * d + c];
          }
          b[r] -= f * b[col];
        }
      }
      if (ok) {
        double[] w = new double[d];
        for (int r = d - 1; r >= 0; r--) {
          double s = b[r];
          for (int c = r + 1; c < d; c++) {
            s -= a[r * d + c] * w[c];
          }
          w[r] = s / a[r * d + r];
        }
        return w;
      }
      jitter = jitter == 0 ? 1e-9 * Math.max(scale, 1) : jitter * 10;
    }
    throw new IllegalStateException("the blend weights have no finite solution");
  }
}
