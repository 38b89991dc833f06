package dev.seer.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparseMatrixTest {
  @Test
  void buildsSortedRowsAndLaterDuplicateWins() {
    int[] r = {1, 0, 1, 0, 1};
    int[] c = {2, 1, 0, 1, 2};
    float[] v = {5f, 1f, 3f, 2f, 4f};
    SparseMatrix m = SparseMatrix.fromCoordinates(3, 3, r, c, v, 5);
    assertArrayEquals(new int[] {0, 1, 3, 3}, m.indptr());
    assertArrayEquals(new int[] {1, 0, 2}, m.indices());
    assertArrayEquals(new float[] {2f, 3f, 4f}, m.values());
    assertEquals(4f, m.get(1, 2));
    assertEquals(0f, m.get(2, 2));
    assertTrue(m.contains(0, 1));
    assertFalse(m.contains(0, 0));
  }

  @Test
  void transposeIsCscView() {
    SparseMatrix m =
        SparseMatrix.fromCoordinates(
            2, 3, new int[] {0, 0, 1}, new int[] {0, 2, 2}, new float[] {1f, 2f, 3f}, 3);
    SparseMatrix t = m.transpose();
    assertEquals(3, t.rows());
    assertEquals(2, t.cols());
    assertArrayEquals(new int[] {0, 1, 1, 3}, t.indptr());
    assertArrayEquals(new int[] {0, 0, 1}, t.indices());
    assertArrayEquals(new float[] {1f, 2f, 3f}, t.values());
    assertArrayEquals(m.indices(), t.transpose().indices());
  }

  @Test
  void interactionsViewsShareIndices() {
    Interactions data =
        new Interactions.Builder()
            .add("u1", "i1", 4f, 10)
            .add("u2", "i2", 3f, 20)
            .add("u1", "i2", 5f, 30)
            .build();
    assertEquals(2, data.numUsers());
    assertEquals(2, data.numItems());
    assertEquals(5f, data.byUser().get(0, 1));
    assertEquals(5f, data.byItem().get(1, 0));
    assertEquals(30, data.timestamp(2));
    Interactions sub = data.select(new int[] {2});
    assertEquals(1, sub.size());
    assertTrue(sub.users() == data.users());
    assertEquals(64, data.fingerprint().length());
    assertFalse(data.fingerprint().equals(sub.fingerprint()));
  }

  @Test
  void implicitBuilderHasNoRatings() {
    Interactions data = new Interactions.Builder().add("a", "x").build();
    assertFalse(data.hasRatings());
    assertFalse(data.hasTimestamps());
    assertEquals(1f, data.rating(0));
    assertEquals(Interactions.NO_TIME, data.timestamp(0));
  }
}
