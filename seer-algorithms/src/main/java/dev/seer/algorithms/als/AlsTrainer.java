package dev.seer.algorithms.als;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Iterative;
import dev.seer.algorithms.Parallel;
import dev.seer.algorithms.linalg.Dense;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains {@link AlsModel}s (algorithm {@value #ALGORITHM}): implicit-feedback matrix factorisation
 * by alternating least squares.
 *
 * <p>The objective is that of Hu, Koren and Volinsky ("Collaborative Filtering for Implicit
 * Feedback Datasets", ICDM 2008): {@code Σ_(u,i) c_ui (p_ui - x_uᵀ y_i)² + λ (Σ|x_u|² + Σ|y_i|²)}
 * over <em>all</em> user-item pairs, with preference {@code p_ui = 1} and confidence {@code c_ui =
 * 1 + α r_ui} for observed pairs and {@code p = 0}, {@code c = 1} for the rest. Each sweep solves
 * every user given the items, then every item given the users. A row's normal equations use the
 * shared Gram matrix {@code YᵀY} plus a correction from the row's observed entries only, so a sweep
 * costs {@code O(nnz k + rows k²)} per CG step, never users times items.
 *
 * <p>Rows are solved with a few conjugate-gradient steps warm-started from the previous sweep's
 * vector, following Takács, Pilászy and Tikk ("Applications of the Conjugate Gradient Method for
 * Implicit Feedback Collaborative Filtering", RecSys 2011); more steps approach the exact solve.
 * After the last sweep every user is solved exactly (Cholesky) against the final item factors, with
 * the same routine {@link AlsModel#scoreItems} uses to fold in a new user, so folding in a training
 * user's items gives that user's scores and the explanations add up to the scores.
 *
 * <p>Factors are stored in single precision (the solves compute in double precision) and start
 * uniform in {@code ±0.01} from {@link TrainingContext#seed()}. Rows are processed in fixed chunks
 * on several threads; each row's solve reads only the other side's factors and writes its own slot,
 * so the model is identical for any thread count. After each sweep the loss is reported through
 * {@link TrainingContext#progress()} (it costs about one CG step) and the final loss is stored in
 * the model card's metrics as {@code trainingLoss}.
 */
public final class AlsTrainer implements Trainer<AlsModel>, Iterative {
  /** The algorithm name. */
  public static final String ALGORITHM = "als";

  static final int CHUNK = 64;
  private static final double INIT_SCALE = 0.01;

  private final AlsOptions options;

  /** Creates a trainer with the default options. */
  public AlsTrainer() {
    this(AlsOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public AlsTrainer(AlsOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public AlsOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public AlsModel fit(Interactions train, TrainingContext context) {
    return fit(train, context, null);
  }

  @Override
  public String epochOption() {
    return "iterations";
  }

  /**
   * {@inheritDoc} The model after each sweep uses the user factors of that sweep (conjugate
   * gradient steps) and shares the arrays that training goes on updating; the final model also
   * solves every user exactly.
   */
  @Override
  public AlsModel fit(Interactions train, TrainingContext context, EpochListener listener) {
    Checks.requireNonEmpty(train, ALGORITHM);
    // With ratings, preference is 1 only where the value is positive: zero values are unobserved
    // pairs. confidences() rejects negative values first.
    SparseMatrix byUser =
        options.useRatings()
            ? positiveEntries(train.byUser(), confidences(train.byUser(), options.alpha(), true))
            : train.byUser();
    SparseMatrix byItem = options.useRatings() ? byUser.transpose() : train.byItem();
    float[] userConf = confidences(byUser, options.alpha(), options.useRatings());
    float[] itemConf = confidences(byItem, options.alpha(), options.useRatings());
    int nu = train.numUsers();
    int ni = train.numItems();
    int k = options.factors();
    double lambda = options.regularization();
    boolean weighted = options.weightedRegularization();
    int threads = options.threads() > 0 ? options.threads() : context.threads();
    ProgressListener progress = context.progress();

    SplittableRandom rnd = new SplittableRandom(context.seed());
    float[] x = new float[nu * k];
    float[] y = new float[ni * k];
    for (int q = 0; q < x.length; q++) {
      x[q] = (float) ((2 * rnd.nextDouble() - 1) * INIT_SCALE);
    }
    for (int q = 0; q < y.length; q++) {
      y[q] = (float) ((2 * rnd.nextDouble() - 1) * INIT_SCALE);
    }

    int n = options.iterations();
    progress.update(ALGORITHM + ": iterations", 0, n);
    double[] gramY = Dense.gram(y, ni, k);
    int trained = 0;
    for (int it = 1; it <= n; it++) {
      sweep(x, byUser, userConf, y, gramY, k, lambda, weighted, threads);
      double[] gramX = Dense.gram(x, nu, k);
      sweep(y, byItem, itemConf, x, gramX, k, lambda, weighted, threads);
      gramY = Dense.gram(y, ni, k);
      double loss = loss(x, y, gramY, byUser, byItem, userConf, k, lambda, weighted, threads);
      progress.update(
          String.format(Locale.ROOT, "%s: iterations (loss %.6g)", ALGORITHM, loss), it, n);
      trained = it;
      if (listener != null
          && !listener.epochDone(
              it,
              new AlsModel(
                  ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train),
                  train.users(),
                  train.items(),
                  k,
                  lambda,
                  weighted,
                  options.alpha(),
                  options.useRatings(),
                  false,
                  x,
                  y,
                  byUser))) {
        break;
      }
    }

    float[] itemFactors = y;
    double[] gram = Dense.gram(itemFactors, ni, k);
    float[] userFactors = new float[nu * k];
    progress.update(ALGORITHM + ": exact user solve", 0, nu);
    Parallel.forEachChunk(
        nu,
        CHUNK,
        threads,
        () -> new AlsSolver.Scratch(k),
        (from, to, s) -> {
          int[] idx = byUser.indices();
          for (int u = from; u < to; u++) {
            AlsSolver.exact(
                itemFactors,
                k,
                gram,
                AlsSolver.rowLambda(lambda, weighted, byUser.rowEnd(u) - byUser.rowStart(u)),
                idx,
                userConf,
                byUser.rowStart(u),
                byUser.rowEnd(u),
                userFactors,
                u * k,
                false,
                s);
          }
        });
    progress.update(ALGORITHM + ": exact user solve", nu, nu);
    double finalLoss =
        loss(
            userFactors, itemFactors, gram, byUser, byItem, userConf, k, lambda, weighted, threads);
    ModelCard card =
        ModelCard.create(
                ALGORITHM,
                Iterative.trained(options.asMap(), "iterations", trained),
                context.seed(),
                train)
            .withMetrics(Map.of("trainingLoss", finalLoss));
    return new AlsModel(
        card,
        train.users(),
        train.items(),
        k,
        lambda,
        weighted,
        options.alpha(),
        options.useRatings(),
        false,
        userFactors,
        itemFactors,
        byUser);
  }

  /** One half-sweep: improves every row of {@code self} given {@code other}. */
  private void sweep(
      float[] self,
      SparseMatrix rows,
      float[] conf,
      float[] other,
      double[] gramOther,
      int k,
      double lambda,
      boolean weighted,
      int threads) {
    int steps = options.cgSteps();
    int[] idx = rows.indices();
    Parallel.forEachChunk(
        rows.rows(),
        CHUNK,
        threads,
        () -> new AlsSolver.Scratch(k),
        (from, to, s) -> {
          for (int r = from; r < to; r++) {
            AlsSolver.conjugateGradient(
                other,
                k,
                gramOther,
                AlsSolver.rowLambda(lambda, weighted, rows.rowEnd(r) - rows.rowStart(r)),
                idx,
                conf,
                rows.rowStart(r),
                rows.rowEnd(r),
                self,
                r * k,
                steps,
                s);
          }
        });
  }

  /**
   * The confidence {@code 1 + α r} of every stored entry, in the matrix's layout.
   *
   * @throws InputException if values are used and one is negative
   */
  static float[] confidences(SparseMatrix m, double alpha, boolean useRatings) {
    float[] v = m.values();
    float[] c = new float[v.length];
    for (int q = 0; q < v.length; q++) {
      if (useRatings && !(v[q] >= 0)) {
        throw new InputException(
            "als with useRatings=true needs interaction values of 0 or more, but one is "
                + v[q]
                + "; use useRatings=false or shift the values.");
      }
      c[q] = AlsModel.confidence(alpha, useRatings ? v[q] : 1f);
    }
    return c;
  }

  /**
   * The entries of a matrix whose value is greater than 0.
   *
   * @param m the matrix
   * @param checked its confidences, computed only to validate the values
   */
  static SparseMatrix positiveEntries(SparseMatrix m, float[] checked) {
    if (checked.length != m.nnz()) {
      throw new IllegalArgumentException("one confidence per entry");
    }
    int[] ptr = m.indptr();
    int[] idx = m.indices();
    float[] val = m.values();
    int[] newPtr = new int[m.rows() + 1];
    int n = 0;
    for (int r = 0; r < m.rows(); r++) {
      for (int q = ptr[r]; q < ptr[r + 1]; q++) {
        n += val[q] > 0 ? 1 : 0;
      }
      newPtr[r + 1] = n;
    }
    if (n == val.length) {
      return m;
    }
    int[] newIdx = new int[n];
    float[] newVal = new float[n];
    int t = 0;
    for (int q = 0; q < val.length; q++) {
      if (val[q] > 0) {
        newIdx[t] = idx[q];
        newVal[t++] = val[q];
      }
    }
    return new SparseMatrix(m.rows(), m.cols(), newPtr, newIdx, newVal);
  }

  /**
   * The objective {@code Σ_all c (p - xᵀy)² + Σ_u λ_u |x_u|² + Σ_i λ_i |y_i|²} (each row's penalty
   * from {@link AlsSolver#rowLambda}), computed without visiting every pair: {@code Σ_all s² = Σ_u
   * x_uᵀ (YᵀY) x_u}, and observed pairs add {@code c (1 - s)² - s²}. Summed per fixed chunk of
   * users, so the value does not depend on the thread count.
   */
  static double loss(
      float[] x,
      float[] y,
      double[] gramY,
      SparseMatrix byUser,
      SparseMatrix byItem,
      float[] conf,
      int k,
      double lambda,
      boolean weighted,
      int threads) {
    int nu = byUser.rows();
    int chunks = (nu + CHUNK - 1) / CHUNK;
    double[] partial = new double[chunks];
    int[] idx = byUser.indices();
    Parallel.forEachChunk(
        nu,
        CHUNK,
        threads,
        () -> new double[k],
        (from, to, gx) -> {
          double sum = 0;
          for (int u = from; u < to; u++) {
            int xo = u * k;
            double l = AlsSolver.rowLambda(lambda, weighted, byUser.rowEnd(u) - byUser.rowStart(u));
            Dense.symmetricMultiply(gramY, k, l, x, xo, gx);
            sum += Dense.dot(x, xo, gx, 0, k);
            for (int p = byUser.rowStart(u); p < byUser.rowEnd(u); p++) {
              double s = Dense.dot(x, xo, y, idx[p] * k, k);
              double e = 1 - s;
              sum += conf[p] * e * e - s * s;
            }
          }
          partial[from / CHUNK] = sum;
        });
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    double itemPenalty = 0;
    for (int i = 0; i < byItem.rows(); i++) {
      double norm = 0;
      for (int a = i * k; a < (i + 1) * k; a++) {
        norm += (double) y[a] * y[a];
      }
      itemPenalty +=
          AlsSolver.rowLambda(lambda, weighted, byItem.rowEnd(i) - byItem.rowStart(i)) * norm;
    }
    return total + itemPenalty;
  }
}
