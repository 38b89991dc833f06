package dev.seer.algorithms.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DenseTest {
  private static final double TOL = 1e-12;

  @Test
  void choleskyOfAHandMatrix() {
    // [[4, 2, 2], [2, 5, 3], [2, 3, 6]] = L Lᵀ with L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]].
    double[] a = {4, 2, 2, 2, 5, 3, 2, 3, 6};
    assertTrue(Dense.cholesky(a, 3));
    assertArrayEquals(new double[] {2, 1, 1}, new double[] {a[0], a[3], a[6]}, TOL);
    assertArrayEquals(new double[] {2, 1, 2}, new double[] {a[4], a[7], a[8]}, TOL);
    // A (1, 1, 1) = (8, 10, 11).
    double[] b = {8, 10, 11};
    Dense.choleskySolve(a, 3, b);
    assertArrayEquals(new double[] {1, 1, 1}, b, TOL);
  }

  @Test
  void indefiniteMatricesAreReported() {
    assertFalse(Dense.cholesky(new double[] {1, 2, 2, 1}, 2));
    assertFalse(Dense.cholesky(new double[] {0}, 1));
  }

  @Test
  void gramOfFloatAndDoubleRows() {
    // Rows (1, 2) and (3, -1): FᵀF = [[10, -1], [-1, 5]].
    assertArrayEquals(
        new double[] {10, -1, -1, 5}, Dense.gram(new float[] {1, 2, 3, -1}, 2, 2), TOL);
    assertArrayEquals(
        new double[] {10, -1, -1, 5}, Dense.gram(new double[] {1, 2, 3, -1}, 2, 2), TOL);
  }

  @Test
  void dotAndSymmetricMultiply() {
    double[] a = {1, 2, 3, 4, 5, 6, 7};
    double[] b = {7, 6, 5, 4, 3, 2, 1};
    assertEquals(84, Dense.dot(a, 0, b, 0, 7), TOL); // 7+12+15+16+15+12+7
    assertEquals(2 * 4 + 3 * 3, Dense.dot(a, 1, b, 3, 2), TOL);
    // ([[2, 1], [1, 3]] + 0.5 I) (1, -1) = (2 - 1 + 0.5, 1 - 3 - 0.5).
    double[] out = new double[2];
    Dense.symmetricMultiply(new double[] {2, 1, 1, 3}, 2, 0.5, new double[] {9, 1, -1}, 1, out);
    assertArrayEquals(new double[] {1.5, -2.5}, out, TOL);
  }
}
