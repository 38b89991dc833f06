package dev.seer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17.1 (ttest_rel, wilcoxon). */
class SignificanceTest {
  @Test
  void pairedTMatchesHandAndScipy() {
    double[] a = {0.8, 0.6, 0.9, 0.4, 0.7, 0.5};
    double[] b = {0.5, 0.6, 0.7, 0.2, 0.75, 0.1};
    TestResult t = Significance.pairedT(a, b);
    // differences 0.3, 0, 0.2, 0.2, -0.05, 0.4: mean 0.175
    assertEquals(0.175, t.meanDifference(), 1e-12);
    assertEquals(2.4852506087385424, t.statistic(), 1e-9);
    assertEquals(0.055482915203073566, t.pValue(), 1e-9);
    assertEquals(6, t.n());
  }

  @Test
  void pairedTOfIdenticalValuesIsNotSignificant() {
    double[] a = {0.1, 0.2, 0.3};
    assertEquals(1.0, Significance.pairedT(a, a).pValue());
    assertEquals(1.0, Significance.wilcoxon(a, a).pValue());
  }

  @Test
  void wilcoxonExactMatchesScipy() {
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    TestResult w = Significance.wilcoxon(x, y);
    assertTrue(w.exact());
    // W- = 5 (SciPy reports min(W+, W-)); W+ = 45 - 5
    assertEquals(40, w.statistic(), 1e-12);
    assertEquals(0.0390625, w.pValue(), 1e-12);
  }

  @Test
  void wilcoxonNormalApproximationWithTiesMatchesScipy() {
    double[] p = {
      0, 1, 1, 0.5, 0.25, 0, 1, 0.5, 0.5, 0.25, 1, 1, 0, 0.5, 1, 0.25, 0.75, 1, 0.5, 0.25, 0, 1,
      0.75, 0.5
    };
    double[] q = {
      0, 0.5, 1, 0.25, 0.25, 0.5, 0.5, 0.5, 0, 0, 1, 0.5, 0, 0.25, 0.5, 0.5, 0.25, 1, 0.25, 0, 0.25,
      0.5, 0.5, 0.5
    };
    TestResult w = Significance.wilcoxon(p, q);
    assertFalse(w.exact());
    assertEquals(16, w.n()); // zero differences dropped
    assertEquals(136 - 21.5, w.statistic(), 1e-12); // SciPy's min(W+, W-) is 21.5; n(n+1)/2 = 136
    assertEquals(0.014351896059066793, w.pValue(), 1e-9);
  }
}
