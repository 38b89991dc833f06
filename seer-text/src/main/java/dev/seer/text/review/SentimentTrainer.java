package dev.seer.text.review;

import dev.seer.api.InputException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains {@link SentimentModel}s: L2-regularised logistic regression on {@link HashedNgrams},
 * fitted by AdaGrad (J. Duchi, E. Hazan and Y. Singer, JMLR 2011) on the examples in a seeded
 * random order each epoch. With {@code balanced}, each class has total weight {@code n / 2}. Labels
 * usually come from ratings: positive for 4-5 stars, negative for 1-2, 3 left out ({@link #label}).
 */
public final class SentimentTrainer {
  private final SentimentOptions options;

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public SentimentTrainer(SentimentOptions options) {
    this.options = options;
  }

  /**
   * Maps a 1-5 star rating to a label.
   *
   * @param rating the rating
   * @return 1 (positive, 4 or more), 0 (negative, 2 or less) or -1 (neutral, left out)
   */
  public static int label(double rating) {
    return rating >= 4 ? 1 : rating <= 2 ? 0 : -1;
  }

  /**
   * Fits a model.
   *
   * @param texts review texts
   * @param positive their labels
   * @return the model
   * @throws InputException if the lists differ in length or a class is missing
   */
  public SentimentModel fit(List<String> texts, boolean[] positive) {
    int n = texts.size();
    if (positive.length != n) {
      throw new InputException(
          "There are " + n + " review texts but " + positive.length + " labels; give one each.");
    }
    int pos = 0;
    for (boolean p : positive) {
      pos += p ? 1 : 0;
    }
    if (pos == 0 || pos == n) {
      throw new InputException(
          "The sentiment classifier needs positive and negative reviews; got "
              + pos
              + " positive of "
              + n
              + ".");
    }
    HashedNgrams f = new HashedNgrams(options.bits());
    HashedNgrams.Features[] x = new HashedNgrams.Features[n];
    for (int k = 0; k < n; k++) {
      x[k] = f.of(texts.get(k));
    }
    double wPos = options.balanced() ? n / (2.0 * pos) : 1;
    double wNeg = options.balanced() ? n / (2.0 * (n - pos)) : 1;
    int d = f.dimension();
    float[] w = new float[d];
    float[] g2 = new float[d];
    double b = 0;
    double gb2 = 0;
    double lr = options.learningRate();
    double l2 = options.l2();
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    SplittableRandom rnd = new SplittableRandom(options.seed());
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      for (int k = n - 1; k > 0; k--) {
        int j = rnd.nextInt(k + 1);
        int t = order[k];
        order[k] = order[j];
        order[j] = t;
      }
      for (int k : order) {
        HashedNgrams.Features e = x[k];
        double z = b;
        for (int j : e.index()) {
          z += w[j] * e.value();
        }
        double p = 1 / (1 + Math.exp(-z));
        double y = positive[k] ? 1 : 0;
        double weight = positive[k] ? wPos : wNeg;
        double err = weight * (p - y);
        for (int j : e.index()) {
          double g = err * e.value() + l2 * w[j];
          g2[j] += (float) (g * g);
          w[j] -= (float) (lr * g / Math.sqrt(g2[j] + 1e-8));
        }
        gb2 += err * err;
        b -= lr * err / Math.sqrt(gb2 + 1e-8);
      }
    }
    return new SentimentModel(f, w, (float) b);
  }
}
