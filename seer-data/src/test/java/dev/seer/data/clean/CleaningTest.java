package dev.seer.data.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleaningTest {
  /** Exact float comparisons use this tolerance (values are small sums of exact binary floats). */
  private static final float EPS = 1e-6f;

  /** Repeated pairs (a,x) x3 and (b,x) x2; (b,x) rows share a timestamp. */
  private static Interactions duplicates(boolean timed) {
    Interactions.Builder b = new Interactions.Builder();
    b.add("a", "x", 4f, timed ? 100 : Interactions.NO_TIME);
    b.add("a", "y", 3f, timed ? 50 : Interactions.NO_TIME);
    b.add("a", "x", 2f, timed ? 50 : Interactions.NO_TIME);
    b.add("b", "x", 5f, timed ? 10 : Interactions.NO_TIME);
    b.add("a", "x", 3f, timed ? 200 : Interactions.NO_TIME);
    b.add("b", "x", 1f, timed ? 10 : Interactions.NO_TIME);
    return b.build();
  }

  private static String row(Interactions d, int k) {
    return d.users().id(d.user(k)) + "," + d.items().id(d.item(k));
  }

  @Test
  void dedupFirstKeepsEarliestByTimeAndFirstRowOnTies() {
    Cleaned c = Cleaning.pipeline().dedup(DedupPolicy.FIRST).apply(duplicates(true));
    Interactions d = c.interactions();
    // (a,x): earliest is row 2 (t=50, rating 2); (b,x): tie at t=10 -> row 3 (rating 5).
    assertEquals(3, d.size());
    assertEquals(List.of("a,y", "a,x", "b,x"), List.of(row(d, 0), row(d, 1), row(d, 2)));
    assertArrayEquals(new float[] {3f, 2f, 5f}, d.ratingColumn(), EPS);
    assertArrayEquals(new long[] {50, 50, 10}, d.timeColumn());
    StepReport r = c.steps().get(0);
    assertEquals(6, r.rowsBefore());
    assertEquals(3, r.rowsAfter());
    assertTrue(r.details().contains("removed 3 duplicate rows of 2 repeated pairs"), r.details());
  }

  @Test
  void dedupLastKeepsLatestByTimeAndLastRowOnTies() {
    Interactions d =
        Cleaning.pipeline().dedup(DedupPolicy.LAST).apply(duplicates(true)).interactions();
    // (a,x): row 4 (t=200, rating 3); (b,x): tie -> row 5 (rating 1).
    assertEquals(List.of("a,y", "a,x", "b,x"), List.of(row(d, 0), row(d, 1), row(d, 2)));
    assertArrayEquals(new float[] {3f, 3f, 1f}, d.ratingColumn(), EPS);
    assertArrayEquals(new long[] {50, 200, 10}, d.timeColumn());
  }

  @Test
  void dedupMeanAveragesRatingsAndKeepsLatestTime() {
    Cleaned c = Cleaning.pipeline().dedup(DedupPolicy.MEAN).apply(duplicates(true));
    Interactions d = c.interactions();
    // (a,x): (4+2+3)/3 = 3 at t=200 in row 0's place; (b,x): (5+1)/2 = 3 at t=10.
    assertEquals(List.of("a,x", "a,y", "b,x"), List.of(row(d, 0), row(d, 1), row(d, 2)));
    assertArrayEquals(new float[] {3f, 3f, 3f}, d.ratingColumn(), EPS);
    assertArrayEquals(new long[] {200, 50, 10}, d.timeColumn());
    assertTrue(c.steps().get(0).details().contains("mean"), c.steps().get(0).details());
  }

  @Test
  void dedupWithoutTimestampsUsesRowOrder() {
    Interactions first =
        Cleaning.pipeline().dedup(DedupPolicy.FIRST).apply(duplicates(false)).interactions();
    Interactions last =
        Cleaning.pipeline().dedup(DedupPolicy.LAST).apply(duplicates(false)).interactions();
    assertArrayEquals(new float[] {4f, 3f, 5f}, first.ratingColumn(), EPS);
    assertArrayEquals(new float[] {3f, 3f, 1f}, last.ratingColumn(), EPS);
  }

  @Test
  void dedupReportsWhenNothingRepeats() {
    Interactions d = new Interactions.Builder().add("a", "x").add("a", "y").build();
    StepReport r = Cleaning.pipeline().dedup(DedupPolicy.LAST).apply(d).steps().get(0);
    assertEquals(2, r.rowsAfter());
    assertTrue(r.details().contains("no repeated"), r.details());
  }

  private static Interactions rated() {
    return new Interactions.Builder()
        .add("a", "x", 4f, 1)
        .add("a", "y", 2f, 2)
        .add("b", "x", 5f, 3)
        .add("c", "x", 1f, 4)
        .add("c", "y", 2f, 5)
        .add("c", "z", 3f, 6)
        .build();
  }

  @Test
  void implicitThresholdKeepsHighRatingsAndDropsTheColumn() {
    Cleaned c = Cleaning.pipeline().implicitThreshold(3f).apply(rated());
    Interactions d = c.interactions();
    assertFalse(d.hasRatings());
    assertNull(d.ratingColumn());
    assertEquals(List.of("a,x", "b,x", "c,z"), List.of(row(d, 0), row(d, 1), row(d, 2)));
    assertArrayEquals(new long[] {1, 3, 6}, d.timeColumn());
    StepReport r = c.steps().get(0);
    assertEquals(3, r.rowsRemoved());
    assertTrue(r.details().contains("implicit"), r.details());
  }

  @Test
  void centerPerUserSubtractsEachUsersMean() {
    Interactions d = Cleaning.pipeline().centerPerUser().apply(rated()).interactions();
    // a: mean 3 -> 1, -1; b: mean 5 -> 0; c: mean 2 -> -1, 0, 1.
    assertArrayEquals(new float[] {1f, -1f, 0f, -1f, 0f, 1f}, d.ratingColumn(), EPS);
  }

  @Test
  void minMaxScalesToUnitInterval() {
    Cleaned c = Cleaning.pipeline().minMax().apply(rated());
    // min 1, max 5: (r - 1) / 4.
    assertArrayEquals(
        new float[] {0.75f, 0.25f, 1f, 0f, 0.25f, 0.5f}, c.interactions().ratingColumn(), EPS);
    assertTrue(c.steps().get(0).details().contains("[1, 5]"), c.steps().get(0).details());
  }

  @Test
  void minMaxOfEqualRatingsGivesHalfAndSaysSo() {
    Interactions d = new Interactions.Builder().add("a", "x", 3f, 1).add("b", "y", 3f, 2).build();
    Cleaned c = Cleaning.pipeline().minMax().apply(d);
    assertArrayEquals(new float[] {0.5f, 0.5f}, c.interactions().ratingColumn(), EPS);
    assertTrue(c.steps().get(0).details().contains("0.5"), c.steps().get(0).details());
  }

  @Test
  void ratingStepsOnImplicitDataFailClearly() {
    Interactions implicit = new Interactions.Builder().add("a", "x").build();
    for (Cleaning p :
        List.of(
            Cleaning.pipeline().centerPerUser(),
            Cleaning.pipeline().minMax(),
            Cleaning.pipeline().implicitThreshold(4f))) {
      InputException e = assertThrows(InputException.class, () -> p.apply(implicit));
      assertTrue(e.getMessage().contains("needs ratings"), e.getMessage());
    }
    InputException e =
        assertThrows(
            InputException.class, () -> Cleaning.pipeline().implicitThreshold(4f).minMax());
    assertTrue(e.getMessage().contains("minMax()"), e.getMessage());
  }

  /**
   * A(x,y) B(x,y) C(y,z) D(z,z): with k=2/2, round 1 drops D (one distinct item), round 2 drops z
   * (left with C only), round 3 drops C (left with y only).
   */
  private static Interactions chain() {
    return new Interactions.Builder()
        .add("A", "x")
        .add("A", "y")
        .add("B", "x")
        .add("B", "y")
        .add("C", "y")
        .add("C", "z")
        .add("D", "z")
        .add("D", "z")
        .build();
  }

  @Test
  void kCoreIteratesUntilStable() {
    Cleaned c = Cleaning.pipeline().kCore(2, 2).apply(chain());
    Interactions d = c.interactions();
    assertEquals(
        List.of("A,x", "A,y", "B,x", "B,y"), List.of(row(d, 0), row(d, 1), row(d, 2), row(d, 3)));
    StepReport r = c.steps().get(0);
    assertEquals(8, r.rowsBefore());
    assertEquals(4, r.rowsAfter());
    assertTrue(
        r.details().startsWith("3 rounds; removed 2 users, 1 items and 4 rows"), r.details());
    // Without compact the indices are unchanged.
    assertEquals(4, d.numUsers());
    assertEquals(3, d.numItems());
  }

  @Test
  void kCoreCountsDistinctPairsNotRows() {
    // D has two rows but one distinct item: with minPerUser 2 it goes.
    Interactions d =
        new Interactions.Builder().add("D", "z").add("D", "z").add("A", "z").add("A", "y").build();
    Cleaned c = Cleaning.pipeline().kCore(2, 1).apply(d);
    assertEquals(
        List.of("A,z", "A,y"), List.of(row(c.interactions(), 0), row(c.interactions(), 1)));
  }

  @Test
  void kCoreRejectsThresholdsBelowOne() {
    InputException e = assertThrows(InputException.class, () -> Cleaning.pipeline().kCore(0, 5));
    assertTrue(e.getMessage().contains("minPerUser=0"), e.getMessage());
  }

  @Test
  void compactRenumbersByFirstAppearance() {
    Interactions all = new Interactions.Builder().add("a", "x").add("b", "y").add("c", "z").build();
    Interactions some = all.select(new int[] {2, 0});
    Cleaned c = Cleaning.pipeline().compact().apply(some);
    Interactions d = c.interactions();
    assertEquals(List.of("c", "a"), d.users().ids());
    assertEquals(List.of("z", "x"), d.items().ids());
    assertArrayEquals(new int[] {0, 1}, d.userColumn());
    assertTrue(
        c.steps().get(0).details().contains("kept 2 of 3 users"), c.steps().get(0).details());
  }

  @Test
  void kCoreThenCompactDropsRemovedIds() {
    Interactions d = Cleaning.pipeline().kCore(2, 2).compact().apply(chain()).interactions();
    assertEquals(List.of("A", "B"), d.users().ids());
    assertEquals(List.of("x", "y"), d.items().ids());
  }

  @Test
  void sortByTimeIsStable() {
    Interactions d =
        new Interactions.Builder()
            .add("a", "w", 1f, 30)
            .add("a", "x", 2f, 10)
            .add("a", "y", 3f, 20)
            .add("a", "z", 4f, 10)
            .build();
    Cleaned c = Cleaning.pipeline().sortByTime().apply(d);
    assertArrayEquals(new long[] {10, 10, 20, 30}, c.interactions().timeColumn());
    assertArrayEquals(new float[] {2f, 4f, 3f, 1f}, c.interactions().ratingColumn(), EPS);
    assertSame(d.users(), c.interactions().users());
    assertThrows(
        InputException.class,
        () ->
            Cleaning.pipeline()
                .sortByTime()
                .apply(new Interactions.Builder().add("a", "x").build()));
  }

  @Test
  void pipelineIsImmutableAndDescribesItsSteps() {
    Cleaning base = Cleaning.pipeline().dedup(DedupPolicy.MEAN);
    Cleaning longer = base.implicitThreshold(4f).kCore(5, 3).sortByTime().compact();
    assertEquals(List.of("dedup(MEAN)"), base.describe());
    assertEquals(
        List.of("dedup(MEAN)", "implicitThreshold(4)", "kCore(5,3)", "sortByTime()", "compact()"),
        longer.describe());
    Cleaned c = Cleaning.pipeline().dedup(DedupPolicy.LAST).centerPerUser().minMax().apply(rated());
    assertEquals(3, c.steps().size());
    assertEquals("centerPerUser()", c.steps().get(1).step());
  }
}
