package dev.seer.algorithms.mf;

import dev.seer.api.IdIndex;
import dev.seer.api.Interactions;
import java.util.SplittableRandom;

/**
 * A seeded synthetic rating matrix of known low rank: {@code r(u, i) = 3 + b_u + b_i + p_u . q_i}
 * with rank-2 factors of unit variance per dimension and small biases, so that almost all of the
 * variance is in the factors. A share of the cells is observed for training, the rest is held out.
 */
final class Synthetic {
  final Interactions train;
  final Interactions heldOut;

  Synthetic(int users, int items, double observed, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int rank = 2;
    double[] p = new double[users * rank];
    double[] q = new double[items * rank];
    double[] bu = new double[users];
    double[] bi = new double[items];
    for (int x = 0; x < p.length; x++) {
      p[x] = rnd.nextDouble(-1.5, 1.5);
    }
    for (int x = 0; x < q.length; x++) {
      q[x] = rnd.nextDouble(-1.5, 1.5);
    }
    for (int u = 0; u < users; u++) {
      bu[u] = rnd.nextDouble(-0.2, 0.2);
    }
    for (int i = 0; i < items; i++) {
      bi[i] = rnd.nextDouble(-0.2, 0.2);
    }
    IdIndex.Builder ub = new IdIndex.Builder();
    IdIndex.Builder ib = new IdIndex.Builder();
    for (int u = 0; u < users; u++) {
      ub.add("u" + u);
    }
    for (int i = 0; i < items; i++) {
      ib.add("i" + i);
    }
    Interactions.Builder all = new Interactions.Builder(ub, ib);
    int n = 0;
    int[] trainRows = new int[users * items];
    int[] heldRows = new int[users * items];
    int nt = 0;
    int nh = 0;
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        double r = 3 + bu[u] + bi[i];
        for (int f = 0; f < rank; f++) {
          r += p[u * rank + f] * q[i * rank + f];
        }
        all.addIndexed(u, i, (float) r, Interactions.NO_TIME);
        if (rnd.nextDouble() < observed) {
          trainRows[nt++] = n;
        } else {
          heldRows[nh++] = n;
        }
        n++;
      }
    }
    Interactions data = all.build();
    train = data.select(java.util.Arrays.copyOf(trainRows, nt));
    heldOut = data.select(java.util.Arrays.copyOf(heldRows, nh));
  }

  /** Root mean squared error of a predictor on the held-out cells. */
  double heldOutRmse(dev.seer.api.RatingPredictor model) {
    double se = 0;
    for (int k = 0; k < heldOut.size(); k++) {
      double e = model.predict(heldOut.user(k), heldOut.item(k)) - heldOut.rating(k);
      se += e * e;
    }
    return Math.sqrt(se / heldOut.size());
  }
}
