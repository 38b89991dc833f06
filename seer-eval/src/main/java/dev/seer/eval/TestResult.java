package dev.seer.eval;

/**
 * The outcome of a paired significance test between two algorithms on the same users.
 *
 * @param test the test's name ({@code "paired-t"} or {@code "wilcoxon"})
 * @param n the number of pairs used (for Wilcoxon: pairs with a non-zero difference)
 * @param meanDifference mean of a − b over all pairs
 * @param statistic t for the t-test; W+ (sum of ranks of positive differences) for Wilcoxon
 * @param z the normal approximation's z for Wilcoxon (NaN when the exact distribution was used or
 *     for the t-test)
 * @param pValue two-sided p-value
 * @param exact true when the p-value comes from the exact distribution
 */
public record TestResult(
    String test,
    int n,
    double meanDifference,
    double statistic,
    double z,
    double pValue,
    boolean exact) {}
