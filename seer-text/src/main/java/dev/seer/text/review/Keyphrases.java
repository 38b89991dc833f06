package dev.seer.text.review;

import dev.seer.text.Terms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keyphrases of a set of reviews in the manner of RAKE (S. Rose, D. Engel, N. Cramer and W. Cowley,
 * "Automatic Keyword Extraction from Individual Documents", 2010): candidate phrases are runs of up
 * to three words between stop words and punctuation; a word scores {@code degree / frequency} over
 * all candidates and a phrase the sum of its words' scores times {@code log(1 + count)}, so phrases
 * repeated across reviews rank first. Each phrase also gets the mean {@link LexiconSentiment} score
 * of the sentences that mention it: the aspect's sentiment.
 */
public final class Keyphrases {
  private Keyphrases() {}

  /**
   * A keyphrase.
   *
   * @param phrase the words, lower case, separated by single spaces
   * @param count how many times it occurs as a candidate
   * @param score its RAKE score times {@code log(1 + count)}
   * @param sentiment the mean lexicon score of the sentences that contain it
   */
  public record Phrase(String phrase, int count, double score, double sentiment) {}

  /**
   * Extracts keyphrases.
   *
   * @param reviews the review texts
   * @param max the most phrases returned
   * @param minCount the fewest occurrences of a phrase, at least 1
   * @return the phrases, best first (ties by phrase)
   */
  public static List<Phrase> of(List<String> reviews, int max, int minCount) {
    Map<String, Integer> count = new LinkedHashMap<>();
    Map<String, Integer> freq = new HashMap<>();
    Map<String, Integer> degree = new HashMap<>();
    Map<String, double[]> sentiment = new HashMap<>();
    for (String r : reviews) {
      for (String sentence : Sentences.of(r)) {
        int lex = LexiconSentiment.score(sentence);
        for (String p : candidates(sentence)) {
          count.merge(p, 1, Integer::sum);
          String[] words = p.split(" ");
          for (String w : words) {
            freq.merge(w, 1, Integer::sum);
            degree.merge(w, words.length, Integer::sum);
          }
          double[] s = sentiment.computeIfAbsent(p, k -> new double[2]);
          s[0] += lex;
          s[1]++;
        }
      }
    }
    List<Phrase> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : count.entrySet()) {
      if (e.getValue() < Math.max(1, minCount)) {
        continue;
      }
      double s = 0;
      for (String w : e.getKey().split(" ")) {
        s += (double) degree.get(w) / freq.get(w);
      }
      double[] sen = sentiment.get(e.getKey());
      out.add(new Phrase(e.getKey(), e.getValue(), s * Math.log1p(e.getValue()), sen[0] / sen[1]));
    }
    out.sort(
        (a, b) -> {
          int c = Double.compare(b.score(), a.score());
          return c != 0 ? c : a.phrase().compareTo(b.phrase());
        });
    return out.size() > max ? new ArrayList<>(out.subList(0, max)) : out;
  }

  /** Runs of 1-3 content words, split at stop words, punctuation and digits-only words. */
  static List<String> candidates(String sentence) {
    List<String> out = new ArrayList<>();
    List<String> run = new ArrayList<>();
    String s = sentence.toLowerCase(Locale.ROOT);
    StringBuilder w = new StringBuilder();
    for (int k = 0; k <= s.length(); k++) {
      char c = k < s.length() ? s.charAt(k) : '.';
      if (Character.isLetterOrDigit(c) || c == '\'') {
        w.append(c);
        continue;
      }
      if (w.length() > 0) {
        String word = w.toString().replace("'", "");
        w.setLength(0);
        boolean stop =
            word.length() < 3
                || Terms.isStopWord(word)
                || Tokens.NEGATIONS.contains(word)
                || word.chars().allMatch(Character::isDigit);
        if (stop) {
          flush(run, out);
        } else {
          run.add(word);
        }
      }
      if (c != ' ' && c != '-') {
        flush(run, out);
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(List<String> run, List<String> out) {
    if (!run.isEmpty() && run.size() <= 3) {
      out.add(String.join(" ", run));
    }
    run.clear();
  }
}
