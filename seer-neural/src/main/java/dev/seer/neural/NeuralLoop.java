package dev.seer.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.seer.api.ProgressListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The shared training loop: epochs over shuffled units in batches, Adam or SGD with a learning-rate
 * schedule, validation NDCG@10 on each user's held-out last item with early stopping (the best
 * epoch's parameters win), a checkpoint after every epoch that a later run resumes from, and
 * progress with the mean loss and the validation metric.
 *
 * <p>Randomness: parameters start from {@code SplittableRandom(seed)}; epoch {@code e} shuffles and
 * samples with a generator derived from (seed, e), and PyTorch's generator (dropout) is seeded
 * before every step from (seed, e, step). A resumed run therefore continues exactly as an
 * uninterrupted one.
 */
final class NeuralLoop {
  static final int CUTOFF = 10;

  /** What training produced. */
  record Result(
      float[][] values,
      int epochs,
      int bestEpoch,
      double bestNdcg,
      double lastLoss,
      long millis,
      double generatorReward) {}

  private NeuralLoop() {}

  static long mix(long seed, long a, long b) {
    long z = seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Trains a network.
   *
   * @param net the network
   * @param data training sequences (validation items removed)
   * @param validation each user's held-out item, or -1; {@code null} when not validating
   * @param opts loop options
   * @param seed the seed
   * @param progress receives progress
   * @param fingerprint identifies data and options, to refuse a checkpoint of other training
   * @param adversarial adversarial training options (a next-item network only); a checkpoint then
   *     also holds the generator's parameters and optimizer state, after the recommender's
   * @return the best (or last) parameters
   */
  static Result train(
      Network net,
      TrainData data,
      int[] validation,
      TrainOptions opts,
      long seed,
      ProgressListener progress,
      String fingerprint,
      AdversarialOptions adversarial) {
    long t0 = System.nanoTime();
    float[][] init = new float[net.specs().size()][];
    SplittableRandom initRng = new SplittableRandom(seed);
    for (int i = 0; i < init.length; i++) {
      init[i] = net.initial(net.specs().get(i), initRng);
    }
    Path ckpt = opts.checkpoint().isEmpty() ? null : Path.of(opts.checkpoint());
    String task = net.algorithm() + ": training";
    try (NDManager root = NeuralEngine.newManager()) {
      Params params = Params.create(root, net.specs(), init, true);
      Optimizer optimizer =
          new Optimizer(opts.optimizer(), (float) opts.weightDecay(), params, root);
      Adversary adversary =
          adversarial.enabled() ? new Adversary(adversarial, data.numItems, root, seed) : null;
      double generatorReward = Double.NaN;
      int start = 0;
      double best = Double.NEGATIVE_INFINITY;
      int bestEpoch = -1;
      int bad = 0;
      float[][] bestValues = null;
      double lastLoss = Double.NaN;
      if (ckpt != null) {
        Checkpoint c = Checkpoint.read(ckpt, fingerprint);
        if (c != null) {
          int n = params.arrays().size();
          int k = optimizer.state().length;
          if (c.values().length != n + (adversary == null ? 0 : 3)) {
            throw new dev.seer.api.InputException(
                "The checkpoint in "
                    + ckpt
                    + " holds other parameters; remove it or give another.");
          }
          for (int i = 0; i < n; i++) {
            params.arrays().get(i).set(c.values()[i]);
          }
          optimizer.restore(c.steps(), Arrays.copyOf(c.optimizer(), k));
          if (adversary != null) {
            long perEpoch = (net.units(data).length + opts.batchSize() - 1) / opts.batchSize();
            long generatorSteps = Math.max(0, c.epochsDone() - adversarial.warmup()) * perEpoch;
            adversary.restore(
                Arrays.copyOfRange(c.values(), n, c.values().length),
                generatorSteps,
                Arrays.copyOfRange(c.optimizer(), k, c.optimizer().length));
          }
          start = c.epochsDone();
          best = c.best();
          bestEpoch = c.bestEpoch();
          bad = c.bad();
          bestValues = c.bestValues();
          lastLoss = c.lastLoss();
        }
      }
      int[] units = net.units(data);
      int batch = opts.batchSize();
      int epoch = start;
      boolean stopped = bad >= opts.patience();
      for (; epoch < opts.epochs() && !stopped; epoch++) {
        SplittableRandom rng = new SplittableRandom(mix(seed, epoch + 1, 0));
        int[] order = units.clone();
        for (int i = order.length - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        float lr = (float) opts.rate(epoch);
        double lossSum = 0;
        int steps = 0;
        for (int from = 0; from < order.length; from += batch) {
          int[] b = Arrays.copyOfRange(order, from, Math.min(order.length, from + batch));
          NeuralEngine.seed(mix(seed, epoch + 1, steps + 1));
          try (NDManager step = root.newSubManager()) {
            params.tempAttach(step);
            optimizer.tempAttach(step);
            NDArray loss;
            try (GradientCollector gc = NeuralEngine.get().newGradientCollector()) {
              if (adversary == null || epoch < adversarial.warmup()) {
                loss = net.loss(params, data, b, rng, step);
                gc.backward(loss);
              } else {
                // the generator's parameters are disjoint from the recommender's: one backward
                // pass of the sum gives both gradients
                Adversary.Policy policy = adversary.policy(data, b, step);
                NextItemNetwork.Batch nb =
                    ((NextItemNetwork) net).batch(params, data, b, rng, step, policy);
                loss = nb.loss();
                gc.backward(loss.add(policy.loss(policy.rewards(nb))));
              }
            }
            JniUtils.setGradMode(false);
            lossSum += loss.getFloat();
            optimizer.step(lr);
            if (adversary != null && epoch >= adversarial.warmup()) {
              adversary.step();
            }
          }
          steps++;
        }
        lastLoss = steps == 0 ? Double.NaN : lossSum / steps;
        String metric = "";
        if (adversary != null && epoch >= adversarial.warmup()) {
          generatorReward = adversary.takeMeanReward();
          metric =
              String.format(java.util.Locale.ROOT, ", generator mean reward %.4f", generatorReward);
        }
        boolean last = epoch + 1 == opts.epochs();
        if (validation != null && ((epoch + 1) % opts.evalEvery() == 0 || last)) {
          double ndcg = validate(net, params, root, data, validation);
          metric += String.format(java.util.Locale.ROOT, ", validation NDCG@10 %.4f", ndcg);
          if (ndcg > best) {
            best = ndcg;
            bestEpoch = epoch + 1;
            bad = 0;
            bestValues = params.values();
          } else {
            bad++;
            stopped = bad >= opts.patience();
          }
        }
        progress.update(
            String.format(
                java.util.Locale.ROOT,
                "%s: epoch %d/%d, loss %.4f%s",
                net.algorithm(),
                epoch + 1,
                opts.epochs(),
                lastLoss,
                metric),
            epoch + 1,
            opts.epochs());
        if (ckpt != null) {
          new Checkpoint(
                  fingerprint,
                  epoch + 1,
                  optimizer.steps(),
                  best,
                  bestEpoch,
                  bad,
                  lastLoss,
                  concat(params.values(), adversary == null ? null : adversary.values()),
                  concat(optimizer.state(), adversary == null ? null : adversary.optimizerState()),
                  bestValues)
              .write(ckpt);
        }
      }
      progress.update(task, opts.epochs(), opts.epochs());
      float[][] out = bestValues != null ? bestValues : params.values();
      return new Result(
          out,
          epoch,
          bestEpoch,
          bestValues != null ? best : Double.NaN,
          lastLoss,
          (System.nanoTime() - t0) / 1_000_000,
          generatorReward);
    }
  }

  private static float[][] concat(float[][] a, float[][] b) {
    if (b == null) {
      return a;
    }
    float[][] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Mean NDCG@10 of the held-out items, full ranking, the user's training items excluded. */
  static double validate(
      Network net, Params params, NDManager root, TrainData data, int[] validation) {
    int n = 0;
    for (int v : validation) {
      n += v >= 0 ? 1 : 0;
    }
    int[] users = new int[n];
    int k = 0;
    for (int u = 0; u < validation.length; u++) {
      if (validation[u] >= 0) {
        users[k++] = u;
      }
    }
    double sum = 0;
    int items = data.numItems;
    for (int from = 0; from < n; from += net.scoreBatch()) {
      int to = Math.min(n, from + net.scoreBatch());
      int[] bu = Arrays.copyOfRange(users, from, to);
      int[][] hist = new int[bu.length][];
      for (int r = 0; r < bu.length; r++) {
        hist[r] = data.sequences[bu[r]];
      }
      float[] flat;
      try (NDManager m = root.newSubManager()) {
        params.tempAttach(m);
        flat = net.scores(params, bu, hist, m).toFloatArray();
      }
      for (int r = 0; r < bu.length; r++) {
        int u = bu[r];
        int target = validation[u];
        float ts = flat[r * items + target];
        int rank = 0; // items ranked before the target (ties to the lower index, as the Ranker)
        for (int i = 0; i < items; i++) {
          if (i == target || data.has(u, i)) {
            continue;
          }
          float s = flat[r * items + i];
          if (s > ts || (s == ts && i < target)) {
            rank++;
            if (rank >= CUTOFF) {
              break;
            }
          }
        }
        if (rank < CUTOFF) {
          sum += 1.0 / (Math.log(rank + 2) / Math.log(2));
        }
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
