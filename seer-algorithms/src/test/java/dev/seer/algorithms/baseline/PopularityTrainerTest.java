package dev.seer.algorithms.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Reason;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.testkit.Fixtures;
import dev.seer.testkit.TrainerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopularityTrainerTest extends TrainerContract {
  @Override
  protected Trainer<?> trainer() {
    return new PopularityTrainer();
  }

  private static float[] scores(PopularityOptions o, Interactions d) {
    PopularityModel m = new PopularityTrainer(o).fit(d, TrainingContext.ofSeed(1));
    float[] s = new float[d.numItems()];
    m.score(0, s);
    return s;
  }

  @Test
  void countsDistinctUsersPerItem() {
    // tiny: i1 {u1,u2,u4}, i2 {u1,u3}, i3 {u1,u2}, i4 {u2,u3}, i5 {u3,u4}
    assertArrayEquals(
        new float[] {3, 2, 2, 2, 2}, scores(PopularityOptions.defaults(), Fixtures.tiny()), 0f);
  }

  @Test
  void minRatingCountsOnlyHighRatings() {
    // ratings >= 4: i1 (5, 4), i3 (4, 5), i4 (4), i5 (5, 4); i2 has only 3 and 2.
    assertArrayEquals(
        new float[] {2, 0, 2, 1, 2}, scores(new PopularityOptions(4), Fixtures.tiny()), 0f);
  }

  @Test
  void repeatedInteractionsCountOnce() {
    Interactions d =
        new Interactions.Builder().add("a", "x").add("a", "x").add("b", "x").add("a", "y").build();
    assertArrayEquals(new float[] {2, 1}, scores(PopularityOptions.defaults(), d), 0f);
  }

  @Test
  void everyUserAndFoldInGetTheSameScores() {
    PopularityModel m = new PopularityTrainer().fit(Fixtures.tiny(), TrainingContext.ofSeed(1));
    float[] a = new float[5];
    float[] b = new float[5];
    m.score(3, a);
    m.scoreItems(new int[] {4}, new float[] {1}, b);
    assertArrayEquals(a, b, 0f);
    assertEquals(3f, m.count(0));
  }

  @Test
  void explanationIsThePopularity() {
    PopularityModel m = new PopularityTrainer().fit(Fixtures.tiny(), TrainingContext.ofSeed(1));
    List<Reason> r = m.explain(3, 0, 2);
    assertEquals(List.of(new Reason("popularity", -1, "", 3.0)), r);
  }

  @Test
  void minRatingOnImplicitDataIsRejected() {
    Interactions implicit = new Interactions.Builder().add("a", "x").build();
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                new PopularityTrainer(new PopularityOptions(3))
                    .fit(implicit, TrainingContext.ofSeed(1)));
    assertTrue(e.getMessage().contains("explicit ratings"), e.getMessage());
  }

  @Test
  void optionsParseAndPrint() {
    assertEquals(PopularityOptions.defaults().asMap(), Map.of("minRating", "none"));
    assertEquals(4.0, PopularityOptions.parse(Map.of("minRating", "4")).minRating());
    assertEquals(
        new PopularityOptions(3.5), PopularityOptions.parse(new PopularityOptions(3.5).asMap()));
    InputException e =
        assertThrows(
            InputException.class, () -> PopularityOptions.parse(Map.of("minRating", "high")));
    assertTrue(e.getMessage().contains("minRating=high"), e.getMessage());
  }
}
