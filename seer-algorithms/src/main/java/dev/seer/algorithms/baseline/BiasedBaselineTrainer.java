package dev.seer.algorithms.baseline;

import dev.seer.algorithms.Checks;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Objects;

/**
 * Trains {@link BiasedBaselineModel}s (algorithm {@value #ALGORITHM}). With {@code mu} the mean
 * training rating, each pass first sets every item bias to {@code sum over its users of (r - mu -
 * b_u) / (lambdaItem + count)}, then every user bias to {@code sum over the user's items of (r - mu
 * - b_i) / (lambdaUser + count)}, starting from zero user biases. Duplicate (user, item) rows count
 * once, the last one winning, as in {@link Interactions#byUser()}. Needs explicit ratings.
 */
public final class BiasedBaselineTrainer implements Trainer<BiasedBaselineModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "bias-baseline";

  private final BiasedBaselineOptions options;

  /** Creates a trainer with the default options. */
  public BiasedBaselineTrainer() {
    this(BiasedBaselineOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public BiasedBaselineTrainer(BiasedBaselineOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public BiasedBaselineOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public BiasedBaselineModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Checks.requireRatings(train, ALGORITHM);
    SparseMatrix byUser = train.byUser();
    SparseMatrix byItem = train.byItem();
    float[] uVal = byUser.values();
    double sum = 0;
    for (float v : uVal) {
      sum += v;
    }
    double mu = sum / uVal.length;
    double[] bu = new double[train.numUsers()];
    double[] bi = new double[train.numItems()];
    int[] iPtr = byItem.indptr();
    int[] iIdx = byItem.indices();
    float[] iVal = byItem.values();
    int[] uPtr = byUser.indptr();
    int[] uIdx = byUser.indices();
    for (int it = 0; it < options.iterations(); it++) {
      for (int i = 0; i < bi.length; i++) {
        double s = 0;
        for (int k = iPtr[i]; k < iPtr[i + 1]; k++) {
          s += iVal[k] - mu - bu[iIdx[k]];
        }
        int n = iPtr[i + 1] - iPtr[i];
        bi[i] = n == 0 ? 0 : s / (options.lambdaItem() + n);
      }
      for (int u = 0; u < bu.length; u++) {
        double s = 0;
        for (int k = uPtr[u]; k < uPtr[u + 1]; k++) {
          s += uVal[k] - mu - bi[uIdx[k]];
        }
        int n = uPtr[u + 1] - uPtr[u];
        bu[u] = n == 0 ? 0 : s / (options.lambdaUser() + n);
      }
      context.progress().update(ALGORITHM + ": passes", it + 1, options.iterations());
    }
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new BiasedBaselineModel(card, train.users(), train.items(), mu, bu, bi);
  }
}
