package dev.seer.server;

import dev.seer.store.CatalogItem;
import dev.seer.store.Role;
import dev.seer.text.CachedEmbedder;
import dev.seer.text.Embedders;
import dev.seer.text.review.Keyphrases;
import dev.seer.text.review.ReviewDigest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/apps/{app}/items/{item}/reviews?phrases=..&sentences=..}: what an item's reviews
 * say, from its catalogue text (one review per line): the share the lexicon reads as positive,
 * keyphrases with the sentiment of the sentences that mention them, and an extractive TextRank
 * summary over the sentences embedded with the search embedder (cached like search).
 */
final class ReviewsEndpoint {
  private final Routes r;

  ReviewsEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.get("/v1/apps/{app}/items/{item}/reviews", this::reviews);
  }

  private void reviews(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    String id = ctx.pathParam("item");
    CatalogItem c = st.catalogue.get(id);
    if (c == null) {
      throw new ApiException(404, "Not found", "The catalogue has no item '" + id + "'.", "item");
    }
    int phrases = r.intParam(ctx, "phrases", 10, 1, 100);
    int sentences = r.intParam(ctx, "sentences", 3, 1, 20);
    List<String> reviews = ReviewDigest.split(c.info().text());
    CachedEmbedder e =
        new CachedEmbedder(
            Embedders.create(System.getProperty("seer.search.embedder", "minilm")),
            List.of(r.jobs.embeddingMemory, new StoreEmbeddingCache(r.store)),
            32);
    ReviewDigest d = ReviewDigest.of(reviews, e, phrases, sentences);
    List<Map<String, Object>> kp = new ArrayList<>();
    for (Keyphrases.Phrase p : d.keyphrases()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("phrase", p.phrase());
      m.put("count", p.count());
      m.put("score", p.score());
      m.put("sentiment", p.sentiment());
      kp.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("item", id);
    out.put("reviews", d.reviews());
    out.put("positive", d.positive());
    out.put("keyphrases", kp);
    out.put("summary", d.summary());
    Json.reply(ctx, 200, out);
  }
}
