package dev.seer.algorithms.mf;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Iterative;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains {@link BiasedMfModel}s (algorithm {@value #ALGORITHM}) by stochastic gradient descent, as
 * described by Koren, Bell and Volinsky, "Matrix Factorization Techniques for Recommender Systems",
 * IEEE Computer 42(8), 2009. The loss is {@code sum over ratings of (r - mu - b_u - b_i - p_u .
 * q_i)^2} plus L2 terms; for each rating, with {@code e} the error and {@code g} the epoch's step
 * size:
 *
 * <pre>
 *   b_u += g (e - regBias b_u)          b_i += g (e - regBias b_i)
 *   p_u += g (e q_i - regFactor p_u)    q_i += g (e p_u - regFactor q_i)
 * </pre>
 *
 * (the factor updates use the values from before the step). {@code mu} is the mean training rating
 * and stays fixed; biases start at 0 and factors at normal values with standard deviation {@code
 * initStd}, except that users and items without ratings keep zero factors. Every epoch visits the
 * ratings in a new order, shuffled with a generator seeded from the context's seed, so the same
 * data and seed give the same model. Duplicate (user, item) rows count once, the last one winning,
 * as in {@link Interactions#byUser()}. Single-threaded. Needs explicit ratings.
 */
public final class BiasedMfTrainer implements Trainer<BiasedMfModel>, Iterative {
  /** The algorithm name. */
  public static final String ALGORITHM = "biased-mf";

  private final BiasedMfOptions options;

  /** Creates a trainer with the default options. */
  public BiasedMfTrainer() {
    this(BiasedMfOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public BiasedMfTrainer(BiasedMfOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public BiasedMfOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public BiasedMfModel fit(Interactions train, TrainingContext context) {
    return fit(train, context, null);
  }

  @Override
  public String epochOption() {
    return "epochs";
  }

  /** {@inheritDoc} The epoch's model shares the arrays that training goes on updating. */
  @Override
  public BiasedMfModel fit(Interactions train, TrainingContext context, EpochListener listener) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Checks.requireRatings(train, ALGORITHM);
    int k = options.factors();
    SplittableRandom rnd = new SplittableRandom(context.seed());
    double[] p = Latent.gaussian(train.numUsers(), k, options.initStd(), rnd);
    double[] q = Latent.gaussian(train.numItems(), k, options.initStd(), rnd);
    return fit(train, context, p, q, rnd, listener);
  }

  /**
   * Trains from given initial factors (for tests that compute SGD steps by hand); {@code p} and
   * {@code q} are overwritten, and rows of users and items without ratings are zeroed.
   */
  BiasedMfModel fit(
      Interactions train, TrainingContext context, double[] p, double[] q, SplittableRandom rnd) {
    return fit(train, context, p, q, rnd, null);
  }

  private BiasedMfModel fit(
      Interactions train,
      TrainingContext context,
      double[] p,
      double[] q,
      SplittableRandom rnd,
      EpochListener listener) {
    Checks.requireNonEmpty(train, ALGORITHM);
    Checks.requireRatings(train, ALGORITHM);
    int k = options.factors();
    SparseMatrix byUser = train.byUser();
    int[] ptr = byUser.indptr();
    int[] itemOf = byUser.indices();
    float[] rating = byUser.values();
    int nnz = byUser.nnz();
    int[] userOf = new int[nnz];
    for (int u = 0; u < byUser.rows(); u++) {
      for (int e = ptr[u]; e < ptr[u + 1]; e++) {
        userOf[e] = u;
      }
    }
    double[] stats = Latent.meanMinMax(rating);
    double mu = stats[0];
    Latent.zeroEmptyRows(p, k, ptr);
    Latent.zeroUnratedItems(q, k, train.numItems(), itemOf);
    double[] bu = new double[train.numUsers()];
    double[] bi = new double[train.numItems()];
    double rb = options.regBias();
    double rf = options.regFactor();
    int[] order = Latent.identity(nnz);
    ProgressListener progress = context.progress();
    String task = ALGORITHM + ": epochs";
    double g = options.learningRate();
    int trained = 0;
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      Latent.shuffle(order, 0, nnz, rnd);
      for (int e : order) {
        int u = userOf[e];
        int i = itemOf[e];
        int uo = u * k;
        int io = i * k;
        double dot = 0;
        for (int f = 0; f < k; f++) {
          dot += p[uo + f] * q[io + f];
        }
        double err = rating[e] - mu - bu[u] - bi[i] - dot;
        bu[u] += g * (err - rb * bu[u]);
        bi[i] += g * (err - rb * bi[i]);
        for (int f = 0; f < k; f++) {
          double pf = p[uo + f];
          double qf = q[io + f];
          p[uo + f] = pf + g * (err * qf - rf * pf);
          q[io + f] = qf + g * (err * pf - rf * qf);
        }
      }
      Latent.requireFinite(bi, ALGORITHM, epoch + 1, options.learningRate());
      Latent.requireFinite(q, ALGORITHM, epoch + 1, options.learningRate());
      progress.update(task, epoch + 1, options.epochs());
      g *= options.decay();
      trained = epoch + 1;
      if (listener != null
          && !listener.epochDone(
              epoch + 1,
              new BiasedMfModel(
                  ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train),
                  train.users(),
                  train.items(),
                  k,
                  stats,
                  new double[] {rb, rf},
                  bu,
                  bi,
                  p,
                  q))) {
        break;
      }
    }
    Latent.requireFinite(bu, ALGORITHM, trained, options.learningRate());
    Latent.requireFinite(p, ALGORITHM, trained, options.learningRate());
    ModelCard card =
        ModelCard.create(
            ALGORITHM,
            Iterative.trained(options.asMap(), "epochs", trained),
            context.seed(),
            train);
    return new BiasedMfModel(
        card, train.users(), train.items(), k, stats, new double[] {rb, rf}, bu, bi, p, q);
  }
}
