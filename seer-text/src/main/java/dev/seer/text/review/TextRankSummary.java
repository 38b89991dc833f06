package dev.seer.text.review;

import dev.seer.text.TextEmbedder;
import dev.seer.text.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An extractive summary by TextRank (R. Mihalcea and P. Tarau, "TextRank: Bringing Order into
 * Texts", EMNLP 2004) over embedded sentences: the sentences are the nodes of a graph whose edge
 * weights are the positive cosine similarities of their vectors; PageRank (damping 0.85, from the
 * uniform vector until the ranks change by less than 1e-12 in L1, at most 500 iterations) ranks
 * them, and the best {@code k} are returned in the order of the text. Sentences shorter than 4
 * words are left out.
 */
public final class TextRankSummary {
  private TextRankSummary() {}

  /**
   * Summarises reviews.
   *
   * @param reviews the review texts
   * @param embedder the sentence embedder
   * @param k the most sentences in the summary
   * @param maxSentences the most sentences considered (the first ones), to bound the cost
   * @return the summary sentences, in text order
   */
  public static List<String> summarise(
      List<String> reviews, TextEmbedder embedder, int k, int maxSentences) {
    List<String> sentences = new ArrayList<>();
    for (String r : reviews) {
      for (String s : Sentences.of(r)) {
        if (sentences.size() < maxSentences && s.split("\\s+").length >= 4) {
          sentences.add(s);
        }
      }
    }
    int n = sentences.size();
    if (n <= k) {
      return sentences;
    }
    List<float[]> v = embedder.embed(sentences);
    double[] rank = rank(similarities(v));
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(rank[b], rank[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    Integer[] top = Arrays.copyOf(order, k);
    Arrays.sort(top);
    List<String> out = new ArrayList<>(k);
    for (int i : top) {
      out.add(sentences.get(i));
    }
    return out;
  }

  static double[][] similarities(List<float[]> v) {
    int n = v.size();
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = Math.max(0, Vectors.dot(v.get(i), v.get(j)));
        w[i][j] = s;
        w[j][i] = s;
      }
    }
    return w;
  }

  /**
   * Weighted PageRank: {@code r_i = (1 - d) / n + d sum_j w_ji / W_j r_j}, where {@code W_j} is the
   * total weight out of {@code j}; a node without edges spreads its rank evenly.
   *
   * @param w symmetric non-negative weights
   * @return the ranks, summing to 1
   */
  static double[] rank(double[][] w) {
    int n = w.length;
    double d = 0.85;
    double[] out = new double[n];
    double[] r = new double[n];
    Arrays.fill(r, 1.0 / n);
    double[] total = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        total[j] += w[j][i];
      }
    }
    for (int it = 0; it < 500; it++) {
      double dangling = 0;
      for (int j = 0; j < n; j++) {
        if (total[j] == 0) {
          dangling += r[j];
        }
      }
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          if (total[j] > 0) {
            s += w[j][i] / total[j] * r[j];
          }
        }
        out[i] = (1 - d) / n + d * (s + dangling / n);
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        change += Math.abs(out[i] - r[i]);
      }
      double[] t = r;
      r = out;
      out = t;
      if (change < 1e-12) {
        break;
      }
    }
    return r;
  }
}
