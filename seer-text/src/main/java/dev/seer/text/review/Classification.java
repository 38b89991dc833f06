package dev.seer.text.review;

/**
 * Accuracy and macro-F1 of binary predictions (the mean of the F1 scores of the positive and the
 * negative class; a class never predicted and never true has F1 0).
 *
 * @param accuracy share of correct predictions
 * @param macroF1 mean F1 over the two classes
 * @param f1Positive F1 of the positive class
 * @param f1Negative F1 of the negative class
 */
public record Classification(
    double accuracy, double macroF1, double f1Positive, double f1Negative) {
  /**
   * Scores predictions.
   *
   * @param truth true labels
   * @param predicted predicted labels
   * @return the scores
   */
  public static Classification of(boolean[] truth, boolean[] predicted) {
    int tp = 0;
    int tn = 0;
    int fp = 0;
    int fn = 0;
    for (int k = 0; k < truth.length; k++) {
      if (truth[k]) {
        if (predicted[k]) {
          tp++;
        } else {
          fn++;
        }
      } else if (predicted[k]) {
        fp++;
      } else {
        tn++;
      }
    }
    double f1p = f1(tp, fp, fn);
    double f1n = f1(tn, fn, fp);
    return new Classification((double) (tp + tn) / truth.length, (f1p + f1n) / 2, f1p, f1n);
  }

  private static double f1(int tp, int fp, int fn) {
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
