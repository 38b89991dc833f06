package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import dev.seer.neural.ParamSpec.Init;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator of IRGAN-style adversarial training (Wang et al., SIGIR 2017) for a next-item
 * model.
 *
 * <p>The generator is a softmax policy over the items a user does not have: {@code p(i | u) ∝
 * exp((c_u · q_i + b_i) / τ)}, where {@code c_u} is the mean of the generator's context embeddings
 * of the user's last {@code window} training items, {@code q_i} and {@code b_i} the item's output
 * embedding and bias. In each training step the recommender (the discriminator) draws each negative
 * of its loss from this policy with probability {@code mix} and uniformly otherwise. The generator
 * then takes a REINFORCE (policy-gradient) step on the items it proposed: the reward of a proposal
 * is {@code log(1 + exp(f(u, i)))}, with {@code f} the discriminator's logit of the proposal (the
 * paper's reward for the generator), minus the mean reward of the batch as a baseline (a variance
 * reduction of ours, not the paper's), so the policy moves its mass to the items the discriminator
 * scores high: hard negatives. The recommender trains on uniform negatives alone for the first
 * {@code warmup} epochs (the paper pre-trains both sides); the generator is not pre-trained and
 * starts nearly uniform.
 *
 * <p>Randomness: the generator's parameters start from a generator derived from the training seed;
 * its samples use the loop's seeded sampling generator, so training stays reproducible.
 */
final class Adversary {
  static final String CONTEXT = "generator.context";
  static final String ITEM = "generator.item";
  static final String BIAS = "generator.bias";
  private static final float NEG = -1e9f;

  private final AdversarialOptions o;
  private final int numItems;
  private final Params params;
  private final Optimizer optimizer;
  private double rewardSum;
  private long rewardCount;

  Adversary(AdversarialOptions o, int numItems, NDManager root, long seed) {
    this.o = o;
    this.numItems = numItems;
    List<ParamSpec> specs =
        List.of(
            ParamSpec.of(CONTEXT, Init.EMBEDDING, numItems + 1L, o.dims()),
            ParamSpec.of(ITEM, Init.EMBEDDING, numItems, o.dims()),
            ParamSpec.of(BIAS, Init.ZEROS, numItems));
    SplittableRandom rng = new SplittableRandom(NeuralLoop.mix(seed, -1, 0x6E));
    float[][] init = new float[specs.size()][];
    for (int i = 0; i < init.length; i++) {
      init[i] = specs.get(i).initial(rng);
    }
    this.params = Params.create(root, specs, init, true);
    this.optimizer = new Optimizer(OptimizerKind.ADAM, 0f, params, root);
  }

  /**
   * Computes the policy of a batch of users. Call it inside the step's gradient collector, so that
   * the policy's log-probabilities record gradients.
   *
   * @param data training data
   * @param users the batch's users, one per row
   * @param step owns the arrays of this step
   * @return the policy, which also draws the discriminator's negatives
   */
  Policy policy(TrainData data, int[] users, NDManager step) {
    params.tempAttach(step);
    optimizer.tempAttach(step);
    int b = users.length;
    int w = o.window();
    long[] in = new long[b * w];
    float[] keep = new float[b * w];
    float[] count = new float[b];
    float[] known = new float[b * numItems];
    for (int r = 0; r < b; r++) {
      int[] seq = data.sequences[users[r]];
      int[] win = Sequences.window(seq, w, numItems);
      for (int j = 0; j < w; j++) {
        in[r * w + j] = win[j];
        keep[r * w + j] = win[j] == numItems ? 0f : 1f;
        count[r] += keep[r * w + j];
      }
      count[r] = Math.max(1f, count[r]);
      for (int i : data.known(users[r])) {
        known[r * numItems + i] = NEG;
      }
    }
    NDArray ctx =
        Embedding.embedding(
                step.create(in, new Shape(b, w)), params.get(CONTEXT), SparseFormat.DENSE)
            .singletonOrThrow()
            .mul(step.create(keep, new Shape(b, w, 1)))
            .sum(new int[] {1})
            .div(step.create(count, new Shape(b, 1))); // (b, d)
    NDArray logits = ctx.matMul(params.get(ITEM).transpose()).add(params.get(BIAS));
    NDArray logp =
        Scalars.over(logits, (float) o.temperature())
            .add(step.create(known, new Shape(b, numItems)))
            .logSoftmax(1);
    return new Policy(data, users, logp, logp.stopGradient().exp().toFloatArray());
  }

  /** Applies the generator's gradient step of the last backward pass. */
  void step() {
    optimizer.step((float) o.learningRate());
  }

  /** Returns the mean reward of the proposals since the last call, or NaN when there were none. */
  double takeMeanReward() {
    double m = rewardCount == 0 ? Double.NaN : rewardSum / rewardCount;
    rewardSum = 0;
    rewardCount = 0;
    return m;
  }

  /** The generator's current parameter values (context, item, bias). */
  float[][] values() {
    return params.values();
  }

  /** The generator's optimizer state, for checkpoints. */
  float[][] optimizerState() {
    return optimizer.state();
  }

  /**
   * Restores a checkpoint's generator.
   *
   * @param values parameter values as from {@link #values()}
   * @param steps the generator's optimizer steps so far
   * @param state optimizer state as from {@link #optimizerState()}
   */
  void restore(float[][] values, long steps, float[][] state) {
    List<NDArray> arrays = params.arrays();
    for (int i = 0; i < arrays.size(); i++) {
      arrays.get(i).set(values[i]);
    }
    optimizer.restore(steps, state);
  }

  /** One batch's policy; it draws negatives and records the generator's proposals. */
  final class Policy implements NextItemNetwork.Negatives {
    private final TrainData data;
    private final int[] users;
    private final NDArray logp;
    private final float[] probs;
    private final float[][] cumulative;
    private int[] rows = new int[64];
    private int[] slots = new int[64];
    private int[] items = new int[64];
    private int n;

    private Policy(TrainData data, int[] users, NDArray logp, float[] probs) {
      this.data = data;
      this.users = users;
      this.logp = logp;
      this.probs = probs;
      this.cumulative = new float[users.length][];
    }

    /** The probability the policy gives an item for the user of a row. */
    double probability(int row, int item) {
      return probs[row * numItems + item];
    }

    @Override
    public int draw(int row, int slot, int user, SplittableRandom rng) {
      if (o.mix() < 1 && rng.nextDouble() >= o.mix()) {
        return data.negative(user, rng);
      }
      int item = sample(row, rng);
      if (n == rows.length) {
        rows = Arrays.copyOf(rows, 2 * n);
        slots = Arrays.copyOf(slots, 2 * n);
        items = Arrays.copyOf(items, 2 * n);
      }
      rows[n] = row;
      slots[n] = slot;
      items[n++] = item;
      return item;
    }

    /** Draws an item from a row's policy (inverse of the cumulative distribution). */
    int sample(int row, SplittableRandom rng) {
      float[] c = cumulative[row];
      if (c == null) {
        c = new float[numItems];
        float s = 0;
        for (int i = 0; i < numItems; i++) {
          s += probs[row * numItems + i];
          c[i] = s;
        }
        cumulative[row] = c;
      }
      float u = (float) (rng.nextDouble() * c[numItems - 1]);
      int k = Arrays.binarySearch(c, u);
      k = k >= 0 ? k + 1 : -k - 1;
      k = Math.min(numItems - 1, k);
      while (k > 0 && probs[row * numItems + k] == 0f) {
        k--; // never land on a zero-probability (known) item through rounding
      }
      return k;
    }

    /** The number of proposals drawn from the generator so far. */
    int proposals() {
      return n;
    }

    /** The row of proposal {@code k}. */
    int row(int k) {
      return rows[k];
    }

    /** The slot (position in the network's negative array) of proposal {@code k}. */
    int slot(int k) {
      return slots[k];
    }

    /** The item of proposal {@code k}. */
    int item(int k) {
      return items[k];
    }

    /** The user of a row. */
    int user(int row) {
      return users[row];
    }

    /**
     * Rewards of the proposals from the discriminator's logits of the batch's negatives.
     *
     * @param batch the discriminator's batch
     * @return one reward per proposal
     */
    double[] rewards(NextItemNetwork.Batch batch) {
      float[] flat = batch.negLogits().stopGradient().toFloatArray();
      double[] out = new double[n];
      for (int k = 0; k < n; k++) {
        int s = slots[k];
        if (batch.perPosition()) {
          out[k] = softplus(flat[s]);
        } else {
          int kk = batch.negatives();
          int r = s / kk;
          int col = s % kk;
          double sum = 0;
          int valid = 0;
          for (int j = 0; j < batch.length(); j++) {
            if (batch.mask()[r * batch.length() + j] > 0) {
              sum += softplus(flat[(r * batch.length() + j) * kk + col]);
              valid++;
            }
          }
          out[k] = valid == 0 ? 0 : sum / valid;
        }
      }
      return out;
    }

    /**
     * Builds the REINFORCE loss {@code -mean_k (r_k - mean r) log p(i_k | u_k)} of the proposals.
     *
     * @param rewards one reward per proposal
     * @return a scalar whose gradient is the policy gradient (zero when nothing was proposed)
     */
    NDArray loss(double[] rewards) {
      NDManager m = logp.getManager();
      int b = users.length;
      float[] weight = new float[b * numItems];
      if (n > 0) {
        double mean = 0;
        for (int k = 0; k < n; k++) {
          mean += rewards[k];
        }
        mean /= n;
        for (int k = 0; k < n; k++) {
          weight[rows[k] * numItems + items[k]] += (float) ((rewards[k] - mean) / n);
          rewardSum += rewards[k];
        }
        rewardCount += n;
      }
      return logp.mul(m.create(weight, new Shape(b, numItems))).sum().neg();
    }
  }

  private static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }
}
