package dev.seer.spark;

/**
 * Maps Seer's ALS regularisation onto MLlib's.
 *
 * <p>Seer's implicit ALS minimises {@code Σ c_ui (p_ui − x_uᵀy_i)² + λ (Σ_u |x_u|² + Σ_i |y_i|²)}
 * (Hu, Koren and Volinsky, ICDM 2008). MLlib's implicit ALS solves each row with {@code regParam ×
 * n_u} (and {@code regParam × n_i}) where {@code n} counts the row's observed entries: the
 * weighted-λ regularisation of Zhou et al. (AAIM 2008), i.e. the penalty {@code regParam (Σ_u n_u
 * |x_u|² + Σ_i n_i |y_i|²)}. No single {@code regParam} reproduces a constant λ for every row. Two
 * natural matches, for N training pairs, U users and I items:
 *
 * <ul>
 *   <li>{@link #perUser}: MLlib's mean per-user penalty equals λ, {@code regParam = λ U / N} (the
 *       user vectors are the ones that rank items; {@link Export} uses the inverse to set the
 *       fold-in λ of an exported model);
 *   <li>{@link #totalWeight}: both penalties get the same total weight, {@code λ (U + I) = regParam
 *       × 2 N}.
 * </ul>
 */
public final class MatchedRegularization {
  private MatchedRegularization() {}

  /**
   * Returns MLlib's regParam that gives both penalties the same total weight.
   *
   * @param lambda Seer's λ
   * @param pairs training pairs N
   * @param users users with training rows U
   * @param items items with training rows I
   * @return regParam
   */
  public static double totalWeight(double lambda, long pairs, long users, long items) {
    return lambda * (users + items) / (2.0 * pairs);
  }

  /**
   * Returns MLlib's regParam whose mean per-user penalty equals Seer's λ.
   *
   * @param lambda Seer's λ
   * @param pairs training pairs N
   * @param users users with training rows U
   * @return regParam = λ U / N
   */
  public static double perUser(double lambda, long pairs, long users) {
    return lambda * users / (double) pairs;
  }
}
