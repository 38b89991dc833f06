package dev.seer.algorithms.bpr;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Iterative;
import dev.seer.algorithms.Randoms;
import dev.seer.algorithms.optim.OptimizerSpec;
import dev.seer.algorithms.optim.RowOptimizer;
import dev.seer.algorithms.optim.SparseGradient;
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
 * Trains {@link BprModel}s (algorithm {@value #ALGORITHM}): matrix factorisation {@code x(u, i) =
 * p_u . q_i + b_i} fitted to the pairwise BPR criterion of S. Rendle, C. Freudenthaler, Z. Gantner
 * and L. Schmidt-Thieme ("BPR: Bayesian Personalized Ranking from Implicit Feedback", UAI 2009).
 *
 * <p>Training follows the paper's LearnBPR: triples {@code (u, i, j)} are drawn by bootstrap
 * sampling, a training pair {@code (u, i)} uniformly with replacement and an item {@code j} the
 * user does not have (uniformly, or by popularity, see {@link NegativeSampling}). Each triple's
 * loss is {@code -ln sigmoid(x(u, i) - x(u, j)) + regularization (|p_u|^2 + |q_i|^2 + |q_j|^2) / 2
 * + biasRegularization (b_i^2 + b_j^2) / 2}; with {@code z = x(u,i) - x(u,j)} and {@code g =
 * sigmoid(-z)} its gradients are {@code -g (q_i - q_j) + reg p_u} for {@code p_u}, {@code -g p_u +
 * reg q_i} for {@code q_i}, {@code g p_u + reg q_j} for {@code q_j} and {@code -g + breg b_i},
 * {@code g + breg b_j} for the biases. Gradients of {@code batchSize} triples are summed per row
 * and then applied by the chosen optimiser ({@link dev.seer.algorithms.optim}) to the touched rows
 * only; with {@code batchSize=1} and {@code optimizer=sgd} this is the paper's update.
 *
 * <p>Initial factors are normal with standard deviation {@code initStd}, biases 0; users without
 * training rows keep a zero vector, so they are ranked by item bias. Training is single-threaded
 * and uses only generators seeded from the context's seed, so the same data and seed give the same
 * model bit for bit.
 */
public final class BprTrainer implements Trainer<BprModel>, Iterative {
  /** The algorithm name. */
  public static final String ALGORITHM = "bpr";

  private final BprOptions options;

  /** Creates a trainer with the default options. */
  public BprTrainer() {
    this(BprOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public BprTrainer(BprOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public BprOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public BprModel fit(Interactions train, TrainingContext context) {
    return fit(train, context, null);
  }

  @Override
  public String epochOption() {
    return "epochs";
  }

  /** {@inheritDoc} The epoch's model shares the factor arrays that training goes on updating. */
  @Override
  public BprModel fit(Interactions train, TrainingContext context, EpochListener listener) {
    Checks.requireNonEmpty(train, ALGORITHM);
    SparseMatrix byUser = train.byUser();
    int numUsers = train.numUsers();
    int numItems = train.numItems();
    int d = options.factors();
    float[] p = new float[numUsers * d];
    float[] q = new float[numItems * d];
    float[] b = new float[numItems];
    SplittableRandom init = new SplittableRandom(context.seed());
    Randoms.gaussian(init, p, options.initStd());
    Randoms.gaussian(init, q, options.initStd());
    int[] ptr = byUser.indptr();
    int[] idx = byUser.indices();
    int nnz = byUser.nnz();
    int[] rowUser = new int[nnz];
    for (int u = 0; u < numUsers; u++) {
      if (ptr[u] == ptr[u + 1]) {
        Arrays.fill(p, u * d, (u + 1) * d, 0f);
      }
      for (int k = ptr[u]; k < ptr[u + 1]; k++) {
        rowUser[k] = u;
      }
    }

    NegativeSampler negatives = NegativeSampler.create(options, byUser);
    OptimizerSpec spec = options.optimizerSpec();
    RowOptimizer optP = spec.create(numUsers, d);
    RowOptimizer optQ = spec.create(numItems, d);
    RowOptimizer optB = spec.create(numItems, 1);
    SparseGradient gp = new SparseGradient(numUsers, d);
    SparseGradient gq = new SparseGradient(numItems, d);
    SparseGradient gb = new SparseGradient(numItems, 1);
    float reg = (float) options.regularization();
    float breg = (float) options.biasRegularization();
    boolean bias = options.itemBias();
    int batch = options.batchSize();
    float[] gu = new float[d];
    float[] gi = new float[d];
    float[] gj = new float[d];
    float[] gb1 = new float[1];
    SplittableRandom rnd = new SplittableRandom(Randoms.mix(context.seed(), 1));
    ProgressListener progress = context.progress();
    String task = ALGORITHM + ": epochs";
    progress.update(task, 0, options.epochs());
    int trained = 0;
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      int inBatch = 0;
      for (int s = 0; s < nnz; s++) {
        int k = rnd.nextInt(nnz);
        int u = rowUser[k];
        int i = idx[k];
        int j = negatives.draw(rnd, idx, ptr[u], ptr[u + 1]);
        if (j < 0) {
          continue;
        }
        int pu = u * d;
        int qi = i * d;
        int qj = j * d;
        double z = bias ? b[i] - b[j] : 0;
        for (int f = 0; f < d; f++) {
          z += p[pu + f] * (q[qi + f] - q[qj + f]);
        }
        float g = (float) (1 / (1 + Math.exp(z)));
        if (batch == 1) {
          // The same arithmetic and update order as the accumulating path, without its
          // bookkeeping: p_u, then q_i and q_j, then b_i and b_j.
          for (int f = 0; f < d; f++) {
            float diff = q[qi + f] - q[qj + f];
            gu[f] = -g * diff + reg * p[pu + f];
            gi[f] = -g * p[pu + f] + reg * q[qi + f];
            gj[f] = g * p[pu + f] + reg * q[qj + f];
          }
          optP.update(p, u, gu, 0);
          optQ.update(q, i, gi, 0);
          optQ.update(q, j, gj, 0);
          if (bias) {
            gb1[0] = -g + breg * b[i];
            optB.update(b, i, gb1, 0);
            gb1[0] = g + breg * b[j];
            optB.update(b, j, gb1, 0);
          }
          continue;
        }
        int ou = gp.offset(u);
        float[] vu = gp.values();
        for (int f = 0; f < d; f++) {
          vu[ou + f] += -g * (q[qi + f] - q[qj + f]) + reg * p[pu + f];
        }
        int oi = gq.offset(i);
        int oj = gq.offset(j);
        float[] vq = gq.values();
        for (int f = 0; f < d; f++) {
          vq[oi + f] += -g * p[pu + f] + reg * q[qi + f];
          vq[oj + f] += g * p[pu + f] + reg * q[qj + f];
        }
        if (bias) {
          int bi = gb.offset(i);
          int bj = gb.offset(j);
          float[] vb = gb.values();
          vb[bi] += -g + breg * b[i];
          vb[bj] += g + breg * b[j];
        }
        if (++inBatch == batch) {
          applyAll(gp, optP, p, gq, optQ, q, gb, optB, b);
          inBatch = 0;
        }
      }
      applyAll(gp, optP, p, gq, optQ, q, gb, optB, b);
      progress.update(task, epoch + 1, options.epochs());
      trained = epoch + 1;
      if (listener != null
          && !listener.epochDone(
              epoch + 1,
              new BprModel(
                  ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train),
                  train.users(),
                  train.items(),
                  options,
                  p,
                  q,
                  b,
                  byUser))) {
        break;
      }
    }
    ModelCard card =
        ModelCard.create(
            ALGORITHM,
            Iterative.trained(options.asMap(), "epochs", trained),
            context.seed(),
            train);
    return new BprModel(card, train.users(), train.items(), options, p, q, b, byUser);
  }

  private static void applyAll(
      SparseGradient gp,
      RowOptimizer optP,
      float[] p,
      SparseGradient gq,
      RowOptimizer optQ,
      float[] q,
      SparseGradient gb,
      RowOptimizer optB,
      float[] b) {
    gp.apply(optP, p);
    gq.apply(optQ, q);
    gb.apply(optB, b);
  }
}
