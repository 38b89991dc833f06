package dev.seer.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Recommender;
import dev.seer.api.SimilarItems;
import dev.seer.store.CatalogItem;
import dev.seer.store.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/apps/{app}/recommendations?user=..} for a known user, {@code POST} with {@code
 * {"items": [...]}} for an anonymous one, and {@code GET /v1/apps/{app}/items/{item}/similar}.
 */
final class RecommendEndpoint {
  private final Routes r;

  RecommendEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.get("/v1/apps/{app}/recommendations", this::forUser);
    app.post("/v1/apps/{app}/recommendations", this::forItems);
    app.get("/v1/apps/{app}/items/{item}/similar", this::similar);
  }

  private Serving serving(AppState st) {
    Serving s = st.serving.get();
    if (s == null) {
      throw new ApiException(
          409,
          "No model deployed",
          "The application '"
              + st.appId
              + "' has no deployed model; train one with POST /v1/apps/"
              + st.appId
              + "/models/train.",
          null);
    }
    return s;
  }

  private void forUser(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    String user = ctx.queryParam("user");
    if (user == null || user.isEmpty()) {
      throw ApiException.badField(
          "user", "Give ?user=ID, or POST {\"items\": [...]} for an anonymous user.");
    }
    Json.reply(
        ctx, 200, Recommending.recommend(st, serving(st), query(ctx, user, List.of()), r.llm));
  }

  private void forItems(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    JsonNode b = Json.body(ctx);
    JsonNode items = b.get("items");
    if (items == null || !items.isArray()) {
      throw ApiException.badField(
          "items", "Send {\"items\": [\"item-1\", ...]} (the recent items).");
    }
    if (items.size() > r.limits.maxBatch()) {
      throw ApiException.badField("items", "At most " + r.limits.maxBatch() + " items.");
    }
    List<String> recent = new ArrayList<>();
    items.forEach(x -> recent.add(x.asText()));
    String user = Json.text(b, "user", "user", false);
    Json.reply(ctx, 200, Recommending.recommend(st, serving(st), query(ctx, user, recent), r.llm));
  }

  private Recommending.Request query(Context ctx, String user, List<String> recent) {
    int n = r.intParam(ctx, "n", 10, 1, r.limits.maxN());
    Set<String> exclude = new HashSet<>();
    String ex = ctx.queryParam("exclude");
    if (ex != null && !ex.isBlank()) {
      for (String s : ex.split(",")) {
        exclude.add(s.trim());
      }
    }
    double diversity = 0;
    String d = ctx.queryParam("diversity");
    if (d != null && !d.isBlank()) {
      try {
        diversity = Double.parseDouble(d);
      } catch (NumberFormatException e) {
        diversity = Double.NaN;
      }
      if (!(diversity >= 0 && diversity <= 1)) {
        throw ApiException.badField("diversity", "diversity must be a number from 0 to 1.");
      }
    }
    return new Recommending.Request(
        user,
        recent,
        n,
        ctx.queryParam("category"),
        exclude,
        !"false".equals(ctx.queryParam("available")),
        "true".equals(ctx.queryParam("explain")) || "shapley".equals(ctx.queryParam("explain")),
        diversity,
        choice(ctx, "sentence", "template", "llm"),
        choice(ctx, "rerank", "none", "llm"),
        ctx.queryParam("q") == null ? "" : ctx.queryParam("q"),
        "shapley".equals(ctx.queryParam("explain")));
  }

  /** A query parameter that takes one of the given values; the first is the default. */
  private static String choice(Context ctx, String name, String... values) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return values[0];
    }
    for (String x : values) {
      if (x.equals(v)) {
        return x;
      }
    }
    throw ApiException.badField(
        name, name + " must be one of " + String.join(", ", values) + ", got '" + v + "'.");
  }

  private void similar(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    Serving s = serving(st);
    Recommender model = s.saved().model();
    String item = ctx.pathParam("item");
    int i = model.items().index(item);
    FreshItems fresh = st.fresh(s);
    FreshItems.Fresh f = i < 0 && fresh != null ? fresh.find(item) : null;
    if (f != null) {
      // an item newer than the model: its nearest known items by content
      int n = r.intParam(ctx, "n", 10, 1, r.limits.maxN());
      List<Map<String, Object>> out = new ArrayList<>();
      for (int k = 0; k < Math.min(n, f.neighbours().length); k++) {
        out.add(entry(st, model.items().id(f.neighbours()[k]), f.weights()[k]));
      }
      Json.reply(
          ctx,
          200,
          Map.of(
              "item",
              item,
              "modelVersion",
              s.version().version(),
              "basis",
              "content (the item is newer than the model)",
              "items",
              out));
      return;
    }
    if (i < 0) {
      throw new ApiException(
          404,
          "Not found",
          "The model version " + s.version().version() + " does not know item '" + item + "'.",
          "item");
    }
    if (!(model instanceof SimilarItems sim)) {
      throw new ApiException(
          409,
          "Not supported",
          "The deployed model (" + model.card().algorithm() + ") cannot find similar items.",
          null);
    }
    int n = r.intParam(ctx, "n", 10, 1, r.limits.maxN());
    float[] scores = new float[model.items().size()];
    sim.similarTo(i, scores);
    Ranking top = Ranker.topN(scores, n, j -> j == i);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int k = 0; k < top.size(); k++) {
      out.add(entry(st, model.items().id(top.items()[k]), top.scores()[k]));
    }
    Json.reply(ctx, 200, Map.of("item", item, "modelVersion", s.version().version(), "items", out));
  }

  private static Map<String, Object> entry(AppState st, String id, float score) {
    CatalogItem c = st.catalogue.get(id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("score", score);
    m.put("title", c == null ? "" : c.info().title());
    return m;
  }
}
