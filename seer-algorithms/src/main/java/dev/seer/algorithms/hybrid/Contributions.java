package dev.seer.algorithms.hybrid;

import dev.seer.api.Explainable;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import java.util.ArrayList;
import java.util.List;

/**
 * Reasons of the parts of a hybrid or ensemble, completed so that they add up to the part's score,
 * and their exact linear mapping through the per-user standardisation.
 *
 * <p>Two reason kinds besides the parts' own: {@value #PART} (feature: the part's label) carries
 * the rest of a part's score that its own reasons leave out (EASE and ALS leave out their negative
 * terms, BPR gives cosines that are no shares of the score, a part that does not explain gives no
 * reasons at all); {@value #BASELINE} (feature: what it is) carries the constant that does not
 * depend on any evidence of the item, such as the user's mean score that standardisation subtracts.
 */
final class Contributions {
  /** Kind of the reason that holds the rest of a part's score. */
  static final String PART = "part";

  /** Kind of the reason that holds a constant of the user. */
  static final String BASELINE = "baseline";

  /** Feature of the standardisation baseline. */
  static final String CENTRING = "user mean score (standardisation)";

  /** Relative size of a rest that is float rounding, not missing evidence. */
  private static final double ROUNDING = 1e-5;

  private Contributions() {}

  /**
   * The reasons of a part for an item, plus a {@value #PART} reason for whatever they leave out of
   * the part's score {@code s}, unless that is only float rounding.
   *
   * @param part the part
   * @param label names the part in the {@value #PART} reason
   * @param user user index
   * @param item item index
   * @param s the part's score of the item, as the combination used it
   * @param rounding receives the left-out float rounding in element 0 (may be {@code null})
   * @return reasons adding up to {@code s} (up to {@code rounding[0]})
   */
  static List<Reason> ofPart(
      Recommender part, String label, int user, int item, double s, double[] rounding) {
    List<Reason> out = new ArrayList<>();
    double sum = 0;
    double abs = Math.abs(s);
    if (part instanceof Explainable ex) {
      for (Reason r : ex.explain(user, item, Integer.MAX_VALUE)) {
        out.add(r);
        sum += r.contribution();
        abs += Math.abs(r.contribution());
      }
    }
    double rest = s - sum;
    if (Math.abs(rest) > ROUNDING * abs) {
      out.add(new Reason(PART, -1, label, rest));
    } else if (rounding != null) {
      rounding[0] = rest;
    }
    return out;
  }

  /**
   * Adds the exact contributions of {@code weight * (s - mean) / sd}: the part's reasons (see
   * {@link #ofPart}) times {@code weight / sd}, and a {@value #BASELINE} reason {@code -weight *
   * mean / sd} (which also takes up the float rounding of the part's reasons).
   *
   * @param part the part
   * @param label names the part
   * @param user user index
   * @param item item index
   * @param s the part's score of the item
   * @param stats {@code {mean, sd}} of the part's scores for the user
   * @param weight the part's weight
   * @param out receives the reasons
   */
  static void standardised(
      Recommender part,
      String label,
      int user,
      int item,
      double s,
      double[] stats,
      double weight,
      List<Reason> out) {
    double[] rounding = {0};
    double w = weight / stats[1];
    for (Reason r : ofPart(part, label, user, item, s, rounding)) {
      out.add(new Reason(r.kind(), r.item(), r.feature(), w * r.contribution()));
    }
    out.add(new Reason(BASELINE, -1, CENTRING, w * (rounding[0] - stats[0])));
  }
}
