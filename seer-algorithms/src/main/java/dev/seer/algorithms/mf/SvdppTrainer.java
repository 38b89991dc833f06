package dev.seer.algorithms.mf;

import dev.seer.algorithms.Checks;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains {@link SvdppModel}s (algorithm {@value #ALGORITHM}) by stochastic gradient descent on the
 * SVD++ model of Koren, "Factorization Meets the Neighborhood: a Multifaceted Collaborative
 * Filtering Model", KDD 2008, section 4: {@code r(u, i) = mu + b_u + b_i + q_i . (p_u + |N(u)|^-1/2
 * sum_{j in N(u)} y_j)}, with {@code N(u)} the items {@code u} rated in training.
 *
 * <p>Each epoch visits the users in a shuffled order and each user's ratings in a shuffled order.
 * For user {@code u}, with {@code s = |N(u)|^-1/2}, the implicit sum {@code z = s sum y_j} is
 * computed once; then for each rating, with error {@code e} and step size {@code g}:
 *
 * <pre>
 *   b_u += g (e - regBias b_u)                  b_i += g (e - regBias b_i)
 *   q_i += g (e (p_u + z) - regFactor q_i)      p_u += g (e q_i - regFactor p_u)
 * </pre>
 *
 * and the implicit gradient {@code e q_i} is accumulated. After the user's ratings, every {@code j
 * in N(u)} takes one combined step {@code y_j = (1 - g regImplicit)^n_u y_j + g s sum_i e_i q_i}:
 * the paper's {@code n_u} per-rating updates {@code y_j += g (e s q_i - regImplicit y_j)} with the
 * errors and {@code q_i} taken as they were during the user's pass. This per-user accumulation
 * costs {@code O(|N(u)| k)} per user instead of {@code O(|N(u)|^2 k)}, the usual way to make SVD++
 * affordable.
 *
 * <p>Biases start at 0 and factors at normal values with standard deviation {@code initStd}, except
 * that users and items without ratings keep zero factors. Shuffles and initial values come from one
 * generator seeded with the context's seed, so the same data and seed give the same model.
 * Duplicate (user, item) rows count once, the last one winning. Single-threaded. Needs explicit
 * ratings.
 */
public final class SvdppTrainer implements Trainer<SvdppModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "svdpp";

  private final SvdppOptions options;

  /** Creates a trainer with the default options. */
  public SvdppTrainer() {
    this(SvdppOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public SvdppTrainer(SvdppOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public SvdppOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public SvdppModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Checks.requireRatings(train, ALGORITHM);
    int k = options.factors();
    double std = options.initStd();
    SplittableRandom rnd = new SplittableRandom(context.seed());
    double[] p = Latent.gaussian(train.numUsers(), k, std, rnd);
    double[] q = Latent.gaussian(train.numItems(), k, std, rnd);
    double[] y = Latent.gaussian(train.numItems(), k, std, rnd);
    return fit(train, context, p, q, y, rnd);
  }

  /**
   * Trains from given initial factors (for tests that compute SGD steps by hand); {@code p}, {@code
   * q} and {@code y} are overwritten, and rows of users and items without ratings are zeroed.
   */
  SvdppModel fit(
      Interactions train,
      TrainingContext context,
      double[] p,
      double[] q,
      double[] y,
      SplittableRandom rnd) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Checks.requireRatings(train, ALGORITHM);
    int k = options.factors();
    SparseMatrix byUser = train.byUser();
    int[] ptr = byUser.indptr();
    int[] itemOf = byUser.indices();
    float[] rating = byUser.values();
    int nnz = byUser.nnz();
    double[] stats = Latent.meanMinMax(rating);
    double mu = stats[0];
    Latent.zeroEmptyRows(p, k, ptr);
    Latent.zeroUnratedItems(q, k, train.numItems(), itemOf);
    Latent.zeroUnratedItems(y, k, train.numItems(), itemOf);
    double[] bu = new double[train.numUsers()];
    double[] bi = new double[train.numItems()];
    double rb = options.regBias();
    double rf = options.regFactor();
    double ry = options.regImplicit();
    int active = 0;
    for (int u = 0; u < byUser.rows(); u++) {
      active += ptr[u + 1] > ptr[u] ? 1 : 0;
    }
    int[] userOrder = new int[active];
    for (int u = 0, a = 0; u < byUser.rows(); u++) {
      if (ptr[u + 1] > ptr[u]) {
        userOrder[a++] = u;
      }
    }
    int[] order = Latent.identity(nnz);
    double[] z = new double[k];
    double[] grad = new double[k];
    ProgressListener progress = context.progress();
    String task = ALGORITHM + ": epochs";
    double g = options.learningRate();
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      Latent.shuffle(userOrder, 0, active, rnd);
      for (int u : userOrder) {
        int from = ptr[u];
        int to = ptr[u + 1];
        Latent.shuffle(order, from, to, rnd);
        int n = to - from;
        double s = 1 / Math.sqrt(n);
        Arrays.fill(z, 0);
        Arrays.fill(grad, 0);
        for (int e = from; e < to; e++) {
          int o = itemOf[e] * k;
          for (int f = 0; f < k; f++) {
            z[f] += y[o + f];
          }
        }
        for (int f = 0; f < k; f++) {
          z[f] *= s;
        }
        int uo = u * k;
        for (int t = from; t < to; t++) {
          int e = order[t];
          int i = itemOf[e];
          int io = i * k;
          double dot = 0;
          for (int f = 0; f < k; f++) {
            dot += q[io + f] * (p[uo + f] + z[f]);
          }
          double err = rating[e] - mu - bu[u] - bi[i] - dot;
          bu[u] += g * (err - rb * bu[u]);
          bi[i] += g * (err - rb * bi[i]);
          for (int f = 0; f < k; f++) {
            double pf = p[uo + f];
            double qf = q[io + f];
            q[io + f] = qf + g * (err * (pf + z[f]) - rf * qf);
            p[uo + f] = pf + g * (err * qf - rf * pf);
            grad[f] += err * qf;
          }
        }
        double keep = StrictMath.pow(Math.max(0, 1 - g * ry), n);
        for (int e = from; e < to; e++) {
          int o = itemOf[e] * k;
          for (int f = 0; f < k; f++) {
            y[o + f] = keep * y[o + f] + g * s * grad[f];
          }
        }
      }
      Latent.requireFinite(bi, ALGORITHM, epoch + 1, options.learningRate());
      Latent.requireFinite(q, ALGORITHM, epoch + 1, options.learningRate());
      progress.update(task, epoch + 1, options.epochs());
      g *= options.decay();
    }
    Latent.requireFinite(bu, ALGORITHM, options.epochs(), options.learningRate());
    Latent.requireFinite(p, ALGORITHM, options.epochs(), options.learningRate());
    Latent.requireFinite(y, ALGORITHM, options.epochs(), options.learningRate());
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new SvdppModel(
        card,
        train.users(),
        train.items(),
        k,
        stats,
        new double[] {rb, rf},
        bu,
        bi,
        p,
        q,
        y,
        byUser);
  }
}
