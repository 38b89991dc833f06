package dev.seer.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seer.store.App;
import dev.seer.store.NewKey;
import dev.seer.store.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code /v1/apps}: create and list applications (root key), create keys (admin). */
final class AppsEndpoint {
  private final Routes r;

  AppsEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.post("/v1/apps", this::create);
    app.get("/v1/apps", this::list);
    app.post("/v1/apps/{app}/keys", this::createKey);
    app.delete("/v1/apps/{app}/keys/{key}", this::revokeKey);
  }

  private void revokeKey(Context ctx) {
    r.require(ctx, Role.ADMIN);
    String keyId = ctx.pathParam("key");
    if (!r.store.revokeKey(ctx.pathParam("app"), keyId)) {
      throw new ApiException(
          404, "Not found", "The application has no active key with id '" + keyId + "'.", "key");
    }
    r.forgetKeys();
    Json.reply(ctx, 200, java.util.Map.of("revoked", keyId));
  }

  private void create(Context ctx) {
    r.requireRoot(ctx);
    JsonNode b = Json.body(ctx);
    String id = Json.text(b, "id", "id", true);
    if (!dev.seer.store.Store.APP_ID.matcher(id).matches()) {
      throw ApiException.badField(
          "id",
          "The application id '"
              + id
              + "' is not valid; use 1 to 64 lowercase letters, digits, '-' or '_'.");
    }
    if (r.store.app(id).isPresent()) {
      throw new ApiException(409, "Conflict", "The application '" + id + "' exists already.", "id");
    }
    App a = r.store.createApp(id, Json.text(b, "name", "name", false));
    NewKey admin = r.store.createKey(a.id(), Role.ADMIN);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", a.id());
    out.put("name", a.name());
    out.put("createdAt", a.createdAt());
    out.put("adminKey", admin.secret());
    out.put("adminKeyId", admin.keyId());
    Json.reply(ctx, 201, out);
  }

  private void list(Context ctx) {
    r.requireRoot(ctx);
    Json.reply(ctx, 200, java.util.Map.of("apps", r.store.apps()));
  }

  private void createKey(Context ctx) {
    r.require(ctx, Role.ADMIN);
    JsonNode b = Json.body(ctx);
    String role = Json.text(b, "role", "role", true);
    Role parsed;
    try {
      parsed = Role.parse(role);
    } catch (RuntimeException e) {
      throw ApiException.badField("role", e.getMessage());
    }
    NewKey k = r.store.createKey(ctx.pathParam("app"), parsed);
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("keyId", k.keyId());
    out.put("key", k.secret());
    out.put("role", parsed.id());
    Json.reply(ctx, 201, out);
  }
}
