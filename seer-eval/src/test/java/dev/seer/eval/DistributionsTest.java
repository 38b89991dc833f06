package dev.seer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17.1 (scipy.stats.t, scipy.stats.norm, scipy.special). */
class DistributionsTest {
  private static final double TOL = 1e-10;

  @Test
  void lnGammaOfIntegersIsLogFactorial() {
    assertEquals(Math.log(24), Distributions.lnGamma(5), 1e-13);
    assertEquals(0, Distributions.lnGamma(1), 1e-13);
    assertEquals(0.5 * Math.log(Math.PI), Distributions.lnGamma(0.5), 1e-13);
  }

  @Test
  void incompleteFunctionsMatchScipy() {
    // I_0.3(2, 3) = 0.3483 exactly (a polynomial): 6·(0.3²/2 − 2·0.3³/3 + 0.3⁴/4)
    assertEquals(0.3483, Distributions.incompleteBeta(0.3, 2, 3), TOL);
    assertEquals(0.04550026389635857, Distributions.upperGamma(0.5, 2.0), TOL);
    assertEquals(0.8088468305380582, Distributions.upperGamma(3, 1.5), TOL);
  }

  @Test
  void normalTailsMatchScipy() {
    assertEquals(0.04999579029644087, Distributions.normalTwoSided(1.96), TOL);
    assertEquals(5.733031437583866e-07, Distributions.normalTwoSided(5), 1e-15);
    assertEquals(0.975002104851780, Distributions.normalCdf(1.96), TOL);
    assertEquals(0.5, Distributions.normalCdf(0), TOL);
  }

  @Test
  void studentTMatchesScipy() {
    assertEquals(0.10193947882985835, Distributions.studentTwoSided(2.0, 5), TOL);
    assertEquals(2.228138851986274, Distributions.studentQuantile(0.975, 10), 1e-9);
    assertEquals(12.706204736174694, Distributions.studentQuantile(0.975, 1), 1e-8);
    assertEquals(-1.9651570982780437, Distributions.studentQuantile(0.025, 458), 1e-9);
  }
}
