package dev.seer.text.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.InputException;
import dev.seer.text.HashingEmbedder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewsTest {
  private static final double EPS = 1e-6;

  @Test
  void tokensMarkNegationUpToPunctuation() {
    assertEquals(
        List.of("this", "is", "not", "not_good", "but", "great"),
        Tokens.of("This is NOT good, but great"));
    assertEquals(List.of("it", "doesnt", "not_hum"), Tokens.of("It doesn't hum"));
  }

  @Test
  void lexiconCountsWordsAndFlipsNegatedOnes() {
    assertEquals(0, LexiconSentiment.score("not good, but great"));
    assertEquals(-2, LexiconSentiment.score("It broke. Terrible."));
    assertEquals(1, LexiconSentiment.score("It doesn't hum at all"));
    assertTrue(LexiconSentiment.isPositive("nothing to say"));
    assertFalse(LexiconSentiment.isPositive("cheap junk"));
  }

  @Test
  void accuracyAndMacroF1ByHand() {
    Classification c =
        Classification.of(
            new boolean[] {true, true, false, false}, new boolean[] {true, false, false, true});
    assertEquals(0.5, c.accuracy(), EPS);
    assertEquals(0.5, c.macroF1(), EPS);
    Classification all =
        Classification.of(
            new boolean[] {true, true, true, false}, new boolean[] {true, true, true, true});
    assertEquals(0.75, all.accuracy(), EPS);
    assertEquals(6.0 / 7, all.f1Positive(), EPS);
    assertEquals(0.0, all.f1Negative(), EPS);
    assertEquals(3.0 / 7, all.macroF1(), EPS);
  }

  @Test
  void logisticRegressionLearnsSeparableReviewsDeterministically() {
    List<String> texts = new ArrayList<>();
    boolean[] y = new boolean[12];
    for (int k = 0; k < 12; k++) {
      boolean pos = k % 3 != 0;
      texts.add(pos ? "works great, sounds lovely " + k : "stopped working after a week " + k);
      y[k] = pos;
    }
    SentimentOptions o = new SentimentOptions(12, 20, 0.5, 1e-6, true, 7);
    SentimentModel m = new SentimentTrainer(o).fit(texts, y);
    assertTrue(m.positive("sounds great") > 0.5);
    assertTrue(m.positive("stopped after a week") < 0.5);
    SentimentModel again = new SentimentTrainer(o).fit(texts, y);
    assertEquals(m.positive("lovely week"), again.positive("lovely week"), 0.0);
    assertThrows(
        InputException.class,
        () -> new SentimentTrainer(o).fit(List.of("a", "b"), new boolean[] {true, true}));
    assertThrows(InputException.class, () -> new SentimentOptions(12, 0, 0.5, 0, true, 1));
    assertEquals(1, SentimentTrainer.label(4));
    assertEquals(0, SentimentTrainer.label(2));
    assertEquals(-1, SentimentTrainer.label(3));
  }

  @Test
  void keyphrasesScoreRepeatedPhrasesWithTheirSentiment() {
    assertEquals(
        List.of("tuning pegs", "great", "really"),
        Keyphrases.candidates("The tuning pegs are great, really."));
    List<Keyphrases.Phrase> p =
        Keyphrases.of(
            List.of("The pegs are great.", "The pegs are loose.", "The pegs are great."), 10, 1);
    assertEquals("pegs", p.get(0).phrase());
    assertEquals(3, p.get(0).count());
    assertEquals(Math.log(4), p.get(0).score(), EPS);
    assertEquals(1.0 / 3, p.get(0).sentiment(), EPS);
    assertEquals("great", p.get(1).phrase());
    assertEquals(Math.log(3), p.get(1).score(), EPS);
    assertEquals("loose", p.get(2).phrase());
    assertEquals(-1.0, p.get(2).sentiment(), EPS);
    assertEquals(
        2,
        Keyphrases.of(
                List.of("The pegs are great.", "The pegs are loose.", "The pegs are great."), 10, 2)
            .size());
  }

  @Test
  void pageRankOfAStarByHand() {
    // r1 = r2 = x, r0 = 0.05 + 1.7 x, x = 0.05 + 0.425 r0  =>  x = 0.07125 / 0.2775
    double[] r = TextRankSummary.rank(new double[][] {{0, 1, 1}, {1, 0, 0}, {1, 0, 0}});
    double x = 0.07125 / 0.2775;
    assertEquals(x, r[1], 1e-6);
    assertEquals(x, r[2], 1e-6);
    assertEquals(0.05 + 1.7 * x, r[0], 1e-6);
  }

  @Test
  void summaryKeepsTheCentralSentencesInTextOrder() {
    List<String> reviews =
        List.of(
            "The strings sound bright and warm. Shipping took a long time.",
            "Bright warm strings that sound great. My cat likes the box.",
            "These strings sound warm and bright.");
    List<String> s = TextRankSummary.summarise(reviews, new HashingEmbedder(4096), 2, 100);
    assertEquals(2, s.size());
    for (String x : s) {
      assertTrue(x.toLowerCase().contains("strings"), s.toString());
    }
    assertTrue(reviews.get(0).contains(s.get(0)) || reviews.get(1).contains(s.get(0)));
    assertEquals(
        List.of("The strings sound bright and warm.", "Shipping took a long time."),
        Sentences.of("The strings sound bright and warm.\nShipping took a long time."));
  }
}
