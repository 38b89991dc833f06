package dev.seer.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seer.api.InputException;
import dev.seer.store.Deployment;
import dev.seer.store.ModelVersion;
import dev.seer.store.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training jobs, model versions, deployment, rollback and scheduled retraining. */
final class ModelsEndpoint {
  private final Routes r;

  ModelsEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.post("/v1/apps/{app}/models/train", this::train);
    app.get("/v1/apps/{app}/jobs", this::jobs);
    app.get("/v1/apps/{app}/jobs/{id}", this::job);
    app.get("/v1/apps/{app}/models", this::list);
    app.post("/v1/apps/{app}/models/{version}/deploy", this::deploy);
    app.post("/v1/apps/{app}/models/rollback", this::rollback);
    app.put("/v1/apps/{app}/models/schedule", this::schedule);
    app.delete("/v1/apps/{app}/models/schedule", this::unschedule);
  }

  private record Spec(String algorithm, Map<String, String> params) {}

  private Spec spec(JsonNode b) {
    String algorithm = Json.text(b, "algorithm", "algorithm", true);
    Map<String, String> params = Json.stringMap(b, "params", "params");
    try {
      dev.seer.algorithms.Algorithms.create(algorithm, params);
    } catch (InputException e) {
      throw ApiException.badField(b.has("params") ? "params" : "algorithm", e.getMessage());
    }
    return new Spec(algorithm, params);
  }

  private void train(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    JsonNode b = Json.body(ctx);
    Spec s = spec(b);
    boolean deploy = !b.has("deploy") || b.get("deploy").asBoolean(true);
    boolean evaluate = !b.has("evaluate") || b.get("evaluate").asBoolean(true);
    Jobs.Job job = r.jobs.submit(st.appId, s.algorithm(), s.params(), deploy, evaluate);
    ctx.header("Location", "/v1/apps/" + st.appId + "/jobs/" + job.id);
    Json.reply(ctx, 202, job.json());
  }

  private void jobs(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    List<Object> out = new ArrayList<>();
    for (Jobs.Job j : r.jobs.list(st.appId)) {
      out.add(j.json());
    }
    Json.reply(ctx, 200, Map.of("jobs", out));
  }

  private void job(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.badField("id", "The job id must be a number.");
    }
    Jobs.Job j = r.jobs.get(id);
    if (j == null || !j.appId.equals(st.appId)) {
      throw new ApiException(404, "Not found", "No job " + id + " in this application.", "id");
    }
    Json.reply(ctx, 200, j.json());
  }

  private void list(Context ctx) {
    AppState st = r.require(ctx, Role.READ);
    int deployed = r.store.deployment(st.appId).map(Deployment::version).orElse(0);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ModelVersion v : r.store.models(st.appId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.version());
      m.put("algorithm", v.algorithm());
      m.put("deployed", v.version() == deployed);
      m.put("bytes", v.bytes());
      m.put("createdAt", v.createdAt());
      try {
        m.put("card", Json.MAPPER.readTree(v.card()));
      } catch (java.io.IOException e) {
        m.put("card", v.card());
      }
      out.add(m);
    }
    Json.reply(ctx, 200, Map.of("deployed", deployed, "models", out));
  }

  private void deploy(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      throw ApiException.badField("version", "The version must be a number.");
    }
    Json.reply(ctx, 200, deployVersion(r, st, version));
  }

  static Deployment deployVersion(Routes r, AppState st, int version) {
    ModelVersion v =
        r.store.models(st.appId).stream()
            .filter(m -> m.version() == version)
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "Not found",
                        "No model version " + version + " in this application.",
                        "version"));
    Serving next = Serving.load(v, r.store.modelData(st.appId, version).orElseThrow());
    Deployment d = r.store.deploy(st.appId, version);
    st.swap(next, r.store);
    return d;
  }

  private void rollback(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    Deployment d =
        r.store
            .deployment(st.appId)
            .orElseThrow(
                () ->
                    new ApiException(
                        409, "Nothing to roll back", "No model is deployed yet.", null));
    if (d.previous() <= 0) {
      throw new ApiException(
          409,
          "Nothing to roll back",
          "Version " + d.version() + " is the first deployment.",
          null);
    }
    Json.reply(ctx, 200, deployVersion(r, st, d.previous()));
  }

  private void schedule(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    JsonNode b = Json.body(ctx);
    Spec s = spec(b);
    JsonNode every = b.get("everySeconds");
    if (every == null || !every.canConvertToLong() || every.asLong() < 10) {
      throw ApiException.badField(
          "everySeconds", "everySeconds must be a whole number, at least 10.");
    }
    r.jobs.schedule(st.appId, s.algorithm(), s.params(), every.asLong());
    Json.reply(
        ctx,
        200,
        Map.of("algorithm", s.algorithm(), "params", s.params(), "everySeconds", every.asLong()));
  }

  private void unschedule(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    r.jobs.unschedule(st.appId);
    Json.reply(ctx, 200, Map.of("scheduled", false));
  }
}
