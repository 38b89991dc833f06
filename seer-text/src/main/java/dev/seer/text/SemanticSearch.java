package dev.seer.text;

import dev.seer.api.InputException;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Recommender;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Natural-language search: the query is embedded with the same model as the items and every item is
 * scored by cosine similarity {@code s_i = q . v_i} (an exact scan). When the user is known to a
 * collaborative model, its scores {@code c_i} are blended in: both score vectors are standardised
 * over the catalogue ({@code z(x)_i = (x_i - mean) / std}, 0 when the spread is 0; items the model
 * does not know get {@code z = 0}) and {@code score_i = (1 - w) z(s)_i + w z(c)_i} with the blend
 * weight {@code w} in [0, 1]. Standardising makes the weight independent of each model's scale.
 */
public final class SemanticSearch {
  /** The blend weight used when none is given. */
  public static final double DEFAULT_BLEND = 0.3;

  private SemanticSearch() {}

  /**
   * One search result.
   *
   * @param item the item index in the vectors
   * @param score the final score
   * @param similarity the cosine similarity to the query
   * @param collaborative the collaborative model's score, or NaN when not blended
   * @param terms query terms found in the item's text
   */
  public record Hit(
      int item, double score, double similarity, double collaborative, List<String> terms) {
    /** Copies the terms. */
    public Hit {
      terms = List.copyOf(terms);
    }
  }

  /**
   * Searches.
   *
   * @param vectors the catalogue's vectors
   * @param embedder the embedder of the same model as the vectors
   * @param query the request, e.g. "a light space comedy for kids"
   * @param model a collaborative model for the blend, or {@code null}
   * @param user the user's index in {@code model}, or -1 for none
   * @param blend the blend weight in [0, 1]
   * @param n the most results
   * @param exclude items (indices in {@code vectors}) never returned, or {@code null}
   * @return the results, best first
   */
  public static List<Hit> search(
      ItemVectors vectors,
      TextEmbedder embedder,
      String query,
      Recommender model,
      int user,
      double blend,
      int n,
      IntPredicate exclude) {
    if (query == null || query.isBlank()) {
      throw new InputException("The search query is empty; give a request such as q=space+comedy.");
    }
    if (!(blend >= 0 && blend <= 1)) {
      throw new InputException("The blend weight must be between 0 and 1, got " + blend + ".");
    }
    if (embedder.dimension() > vectors.dim()) {
      throw new IllegalArgumentException("the embedder and the item vectors differ in dimension");
    }
    // multimodal item vectors [a t, b i] begin with the text part: the query is [t_q, 0]
    float[] q = java.util.Arrays.copyOf(embedder.embed(query), vectors.dim());
    int size = vectors.size();
    float[] sim = new float[size];
    Vectors.scan(q, vectors.vectors(), vectors.dim(), sim);
    float[] collab = null;
    if (model != null && user >= 0 && user < model.users().size() && blend > 0) {
      float[] raw = new float[model.items().size()];
      model.score(user, raw);
      collab = new float[size];
      for (int i = 0; i < size; i++) {
        int j = model.items().index(vectors.items().id(i));
        collab[i] = j < 0 ? Float.NaN : raw[j];
      }
    }
    float[] combined = sim.clone();
    if (collab != null) {
      float[] zs = standardise(sim);
      float[] zc = standardise(collab);
      for (int i = 0; i < size; i++) {
        combined[i] = (float) ((1 - blend) * zs[i] + blend * zc[i]);
      }
    }
    Ranking r = Ranker.topN(combined, n, exclude);
    Set<String> qTerms = Terms.distinct(query);
    List<Hit> out = new ArrayList<>(r.size());
    for (int k = 0; k < r.size(); k++) {
      int i = r.items()[k];
      List<String> matched = new ArrayList<>();
      Set<String> itemTerms = Terms.distinct(vectors.texts().get(i));
      for (String t : qTerms) {
        if (itemTerms.contains(t)) {
          matched.add(t);
        }
      }
      out.add(new Hit(i, r.scores()[k], sim[i], collab == null ? Double.NaN : collab[i], matched));
    }
    return out;
  }

  /**
   * Standardises values to mean 0 and standard deviation 1, ignoring NaN (which become 0).
   *
   * @param x the values
   * @return the standardised values (all 0 when the spread is 0)
   */
  static float[] standardise(float[] x) {
    double sum = 0;
    int n = 0;
    for (float v : x) {
      if (!Float.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    float[] out = new float[x.length];
    if (n == 0) {
      return out;
    }
    double mean = sum / n;
    double ss = 0;
    for (float v : x) {
      if (!Float.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double sd = Math.sqrt(ss / n);
    if (sd == 0) {
      return out;
    }
    for (int i = 0; i < x.length; i++) {
      out[i] = Float.isNaN(x[i]) ? 0f : (float) ((x[i] - mean) / sd);
    }
    return out;
  }
}
