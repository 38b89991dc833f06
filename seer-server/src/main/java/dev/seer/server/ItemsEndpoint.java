package dev.seer.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seer.api.ItemInfo;
import dev.seer.store.CatalogItem;
import dev.seer.store.Role;
import dev.seer.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /v1/apps/{app}/items}: upsert and delete items in batches, read one item. */
final class ItemsEndpoint {
  private final Routes r;

  ItemsEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.put("/v1/apps/{app}/items", this::upsert);
    app.post("/v1/apps/{app}/items/delete", this::delete);
    app.get("/v1/apps/{app}/items/{item}", this::get);
  }

  private void upsert(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    JsonNode items = Json.body(ctx).get("items");
    if (items == null || !items.isArray()) {
      throw ApiException.badField("items", "Send {\"items\": [...]} with at least one item.");
    }
    if (items.size() > r.limits.maxBatch()) {
      throw ApiException.badField(
          "items",
          "The batch has " + items.size() + " items; the limit is " + r.limits.maxBatch() + ".");
    }
    long now = System.currentTimeMillis();
    List<CatalogItem> batch = new ArrayList<>();
    for (int k = 0; k < items.size(); k++) {
      JsonNode it = items.get(k);
      String path = "items[" + k + "]";
      if (!it.isObject()) {
        throw ApiException.badField(path, "Each item must be a JSON object.");
      }
      String id = Json.text(it, "id", path + ".id", true);
      if (id.length() > Store.MAX_ID_LENGTH) {
        throw ApiException.badField(
            path + ".id", "The item id is longer than " + Store.MAX_ID_LENGTH + " characters.");
      }
      List<String> cats = new ArrayList<>();
      JsonNode c = it.get("categories");
      if (c != null && !c.isNull()) {
        if (!c.isArray()) {
          throw ApiException.badField(
              path + ".categories", "categories must be an array of strings.");
        }
        c.forEach(x -> cats.add(x.asText()));
      }
      JsonNode avail = it.get("available");
      if (avail != null && !avail.isNull() && !avail.isBoolean()) {
        throw ApiException.badField(path + ".available", "available must be true or false.");
      }
      ItemInfo info =
          new ItemInfo(
              id,
              Json.text(it, "title", path + ".title", false),
              cats,
              Json.text(it, "text", path + ".text", false),
              Json.stringMap(it, "attributes", path + ".attributes"));
      batch.add(new CatalogItem(info, avail == null || avail.isNull() || avail.asBoolean(), now));
    }
    int n = r.store.upsertItems(st.appId, batch);
    st.putItems(batch);
    Json.reply(ctx, 200, Map.of("upserted", n));
  }

  private void delete(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    JsonNode ids = Json.body(ctx).get("ids");
    if (ids == null || !ids.isArray()) {
      throw ApiException.badField("ids", "Send {\"ids\": [\"item-1\", ...]}.");
    }
    List<String> list = new ArrayList<>();
    ids.forEach(x -> list.add(x.asText()));
    int n = r.store.deleteItems(st.appId, list);
    list.forEach(st::removeItem);
    Json.reply(ctx, 200, Map.of("deleted", n));
  }

  private void get(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    CatalogItem it = st.catalogue.get(ctx.pathParam("item"));
    if (it == null) {
      throw new ApiException(404, "Not found", "No item '" + ctx.pathParam("item") + "'.", "item");
    }
    Json.reply(ctx, 200, ItemView.of(it));
  }
}
