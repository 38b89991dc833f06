package dev.seer.server;

import dev.seer.store.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /v1/apps/{app}/stats}: event counts and rates, catalogue size, serving model. */
final class StatsEndpoint {
  private final Routes r;

  StatsEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.get("/v1/apps/{app}/stats", this::stats);
  }

  private void stats(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    long now = System.currentTimeMillis();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("app", st.appId);
    out.put("events", r.store.eventCount(st.appId));
    out.put("items", st.catalogue.size());
    out.put("eventsPerMinute", st.eventsPerMinute(60, now));
    Serving s = st.serving.get();
    out.put("modelVersion", s == null ? 0 : s.version().version());
    out.put("algorithm", s == null ? "" : s.version().algorithm());
    out.put("modelAgeSeconds", s == null ? 0 : (now - s.version().snapshotAt()) / 1000.0);
    Json.reply(ctx, 200, out);
  }
}
