package dev.seer.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seer.store.Event;
import dev.seer.store.EventType;
import dev.seer.store.IngestResult;
import dev.seer.store.Role;
import dev.seer.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/apps/{app}/events}: a batch of events, acknowledged only after it is durably
 * committed; client event ids make retries safe.
 */
final class EventsEndpoint {
  private final Routes r;

  EventsEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.post("/v1/apps/{app}/events", this::ingest);
  }

  private void ingest(Context ctx) {
    AppState st = r.require(ctx, Role.INGEST);
    JsonNode events = Json.body(ctx).get("events");
    if (events == null || !events.isArray() || events.isEmpty()) {
      throw ApiException.badField("events", "Send {\"events\": [...]} with at least one event.");
    }
    if (events.size() > r.limits.maxBatch()) {
      throw ApiException.badField(
          "events",
          "The batch has " + events.size() + " events; the limit is " + r.limits.maxBatch() + ".");
    }
    long now = System.currentTimeMillis();
    List<Event> batch = new ArrayList<>(events.size());
    for (int k = 0; k < events.size(); k++) {
      JsonNode e = events.get(k);
      String path = "events[" + k + "]";
      if (!e.isObject()) {
        throw ApiException.badField(path, "Each event must be a JSON object.");
      }
      String id = id(e, "id", path);
      String user = id(e, "user", path);
      String item = id(e, "item", path);
      String typeText = Json.text(e, "type", path + ".type", true);
      EventType type;
      try {
        type = EventType.parse(typeText);
      } catch (RuntimeException ex) {
        throw ApiException.badField(path + ".type", ex.getMessage());
      }
      double value = Double.NaN;
      JsonNode v = e.get("value");
      if (type == EventType.RATING) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
          throw ApiException.badField(path + ".value", "A rating event needs a numeric value.");
        }
        value = v.asDouble();
      }
      long ts = now;
      JsonNode t = e.get("timestamp");
      if (t != null && !t.isNull()) {
        if (!t.canConvertToLong()) {
          throw ApiException.badField(
              path + ".timestamp", "timestamp must be epoch milliseconds as a whole number.");
        }
        ts = t.asLong();
      }
      batch.add(new Event(id, user, item, type, value, ts));
    }
    IngestResult res = r.store.ingest(st.appId, batch);
    r.metrics.eventsStored(res.stored());
    st.countStored(res.stored(), System.currentTimeMillis());
    java.util.Set<String> rejected = new java.util.HashSet<>(res.rejected());
    for (Event e : batch) {
      if (!rejected.contains(e.eventId())) {
        st.observe(e);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stored", res.stored());
    out.put("duplicates", res.duplicates());
    out.put("rejected", res.rejected());
    if (!res.rejected().isEmpty()) {
      out.put("rejectedReason", "the user was erased; create the user again to accept new events");
    }
    Json.reply(ctx, 200, out);
  }

  private static String id(JsonNode e, String field, String path) {
    String s = Json.text(e, field, path + "." + field, true);
    if (s.length() > Store.MAX_ID_LENGTH) {
      throw ApiException.badField(
          path + "." + field,
          "The " + field + " is longer than " + Store.MAX_ID_LENGTH + " characters.");
    }
    return s;
  }
}
