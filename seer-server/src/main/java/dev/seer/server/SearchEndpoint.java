package dev.seer.server;

import dev.seer.api.Recommender;
import dev.seer.store.CatalogItem;
import dev.seer.store.Role;
import dev.seer.text.SemanticModel;
import dev.seer.text.SemanticSearch;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/apps/{app}/search?q=..&user=..&n=..&blend=..}: natural-language search over the
 * catalogue. The query and every item's text are embedded with the same sentence model (the
 * deployed semantic model's embedder, otherwise {@code minilm}, or the system property {@code
 * seer.search.embedder}); items are ranked by cosine similarity, blended with the deployed model's
 * scores when {@code user} is known to it ({@link SemanticSearch}: standardised scores, {@code (1 -
 * blend) z(similarity) + blend z(model)}, default blend 0.3). Unavailable items are left out unless
 * {@code available=false}.
 */
final class SearchEndpoint {
  /** The longest query accepted, in characters. */
  static final int MAX_QUERY = 1000;

  private final Routes r;

  SearchEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.get("/v1/apps/{app}/search", this::search);
  }

  private void search(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw ApiException.badField(
          "q", "Give the request as ?q=..., for example ?q=a+light+space+comedy+for+kids.");
    }
    if (q.length() > MAX_QUERY) {
      throw ApiException.badField(
          "q", "The query is " + q.length() + " characters long; the limit is " + MAX_QUERY + ".");
    }
    int n = r.intParam(ctx, "n", 10, 1, r.limits.maxN());
    double blend = SemanticSearch.DEFAULT_BLEND;
    String b = ctx.queryParam("blend");
    if (b != null && !b.isBlank()) {
      try {
        blend = Double.parseDouble(b);
      } catch (NumberFormatException e) {
        blend = Double.NaN;
      }
      if (!(blend >= 0 && blend <= 1)) {
        throw ApiException.badField(
            "blend", "blend must be a number from 0 to 1, got '" + b + "'.");
      }
    }
    String user = ctx.queryParam("user");
    Serving serving = st.serving.get();
    Recommender model = serving == null ? null : serving.saved().model();
    String embedder =
        model instanceof SemanticModel sm
            ? sm.options().embedder()
            : System.getProperty("seer.search.embedder", "minilm");
    if (st.catalogue.isEmpty()) {
      throw new ApiException(
          409,
          "Empty catalogue",
          "The application '"
              + st.appId
              + "' has no catalogue items to search; add items with POST /v1/apps/"
              + st.appId
              + "/items.",
          null);
    }
    SearchIndex index = index(st, embedder);
    int userIndex = -1;
    if (model != null && user != null && !user.isEmpty() && !st.erased(user)) {
      userIndex = model.users().index(user);
    }
    boolean onlyAvailable = !"false".equals(ctx.queryParam("available"));
    Set<String> unavailable = st.unavailable();
    List<SemanticSearch.Hit> hits =
        SemanticSearch.search(
            index.vectors(),
            index.embedder(),
            q,
            model,
            userIndex,
            blend,
            n,
            onlyAvailable && !unavailable.isEmpty()
                ? i -> unavailable.contains(index.vectors().items().id(i))
                : null);
    List<Map<String, Object>> items = new ArrayList<>(hits.size());
    for (SemanticSearch.Hit h : hits) {
      String id = index.vectors().items().id(h.item());
      CatalogItem c = st.catalogue.get(id);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("title", c == null ? "" : c.info().title());
      m.put("score", h.score());
      m.put("similarity", h.similarity());
      if (!Double.isNaN(h.collaborative())) {
        m.put("collaborative", h.collaborative());
      }
      m.put("terms", h.terms());
      items.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", q);
    out.put("user", user);
    out.put("blended", userIndex >= 0 && blend > 0);
    out.put("blend", blend);
    out.put("embedder", index.embedder().modelId());
    out.put("modelVersion", serving == null ? null : serving.version().version());
    out.put("items", items);
    Json.reply(ctx, 200, out);
  }

  /** Returns the search index for the current catalogue, building it when it is stale. */
  private SearchIndex index(AppState st, String embedder) {
    SearchIndex idx = st.search.get();
    long version = st.catalogueVersion.get();
    if (idx != null && idx.catalogueVersion() == version && idx.embedderName().equals(embedder)) {
      return idx;
    }
    synchronized (st.search) {
      idx = st.search.get();
      version = st.catalogueVersion.get();
      if (idx == null
          || idx.catalogueVersion() != version
          || !idx.embedderName().equals(embedder)) {
        idx = SearchIndex.build(embedder, version, st.catalogue, r.jobs.embeddingMemory, r.store);
        st.search.set(idx);
      }
      return idx;
    }
  }
}
