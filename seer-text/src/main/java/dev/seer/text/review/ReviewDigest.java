package dev.seer.text.review;

import dev.seer.text.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * What an item's reviews say: how many read positive by the lexicon, the keyphrases with their
 * sentiment ({@link Keyphrases}), and an extractive summary ({@link TextRankSummary}).
 *
 * @param reviews the number of reviews
 * @param positive how many of them the lexicon reads as positive
 * @param keyphrases the keyphrases, best first
 * @param summary the summary sentences, in text order
 */
public record ReviewDigest(
    int reviews, int positive, List<Keyphrases.Phrase> keyphrases, List<String> summary) {
  /** Copies the lists. */
  public ReviewDigest {
    keyphrases = List.copyOf(keyphrases);
    summary = List.copyOf(summary);
  }

  /**
   * Digests reviews.
   *
   * @param reviews the review texts
   * @param embedder the sentence embedder for the summary
   * @param phrases the most keyphrases
   * @param sentences the most summary sentences
   * @return the digest
   */
  public static ReviewDigest of(
      List<String> reviews, TextEmbedder embedder, int phrases, int sentences) {
    List<String> rs = new ArrayList<>();
    for (String r : reviews) {
      if (r != null && !r.isBlank()) {
        rs.add(r.strip());
      }
    }
    int pos = 0;
    for (String r : rs) {
      pos += LexiconSentiment.isPositive(r) ? 1 : 0;
    }
    int minCount = rs.size() >= 5 ? 2 : 1;
    return new ReviewDigest(
        rs.size(),
        pos,
        Keyphrases.of(rs, phrases, minCount),
        TextRankSummary.summarise(rs, embedder, sentences, 200));
  }

  /**
   * Splits an item's aggregated review text (one review per line, as the Amazon reader stores it).
   *
   * @param text the text
   * @return the reviews
   */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }
}
