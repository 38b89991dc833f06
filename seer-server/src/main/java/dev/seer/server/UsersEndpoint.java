package dev.seer.server;

import dev.seer.store.Role;
import dev.seer.store.UserData;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /v1/apps/{app}/users/{user}}: create or update, erase, export. */
final class UsersEndpoint {
  private final Routes r;

  UsersEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.put("/v1/apps/{app}/users/{user}", this::upsert);
    app.delete("/v1/apps/{app}/users/{user}", this::erase);
    app.get("/v1/apps/{app}/users/{user}/export", this::export);
  }

  private void upsert(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    String user = ctx.pathParam("user");
    Map<String, String> attrs =
        ctx.body().isBlank()
            ? Map.of()
            : Json.stringMap(Json.body(ctx), "attributes", "attributes");
    r.store.upsertUser(st.appId, user, attrs);
    Json.reply(ctx, 200, Map.of("user", user, "attributes", attrs));
  }

  private void erase(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    String user = ctx.pathParam("user");
    int n = r.store.eraseUser(st.appId, user);
    st.forget(user);
    Json.reply(
        ctx,
        200,
        Map.of(
            "user",
            user,
            "eventsDeleted",
            n,
            "note",
            "the user is excluded from training from now on; models trained earlier still hold"
                + " their data until the next training run replaces them"));
  }

  private void export(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    UserData d = r.store.exportUser(st.appId, ctx.pathParam("user"));
    Json.reply(ctx, 200, d);
  }
}
