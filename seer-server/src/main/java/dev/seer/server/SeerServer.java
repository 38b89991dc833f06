package dev.seer.server;

import dev.seer.api.InputException;
import dev.seer.store.Store;
import dev.seer.text.explain.LlmClient;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Seer server. {@link #start} binds the port and serves until {@link #close}. Every refusal is
 * an RFC 9457 problem document; internal errors are logged and answered with a generic 500 body,
 * never a stack trace.
 */
public final class SeerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SeerServer.class);

  private final ServerConfig config;
  private final Store store;
  private final Jobs jobs;
  private final Metrics metrics = new Metrics();
  private final Routes routes;
  private final Javalin app;
  private volatile boolean ready;

  private SeerServer(ServerConfig config, Store store) {
    this.config = config;
    this.store = store;
    Routes[] holder = new Routes[1];
    this.jobs =
        new Jobs(
            store,
            config.seed(),
            (appId, v) ->
                ModelsEndpoint.deployVersion(holder[0], holder[0].state(appId), v.version()));
    this.routes =
        new Routes(
            store,
            jobs,
            metrics,
            config.limits(),
            config.rootKey(),
            config.llm() == null ? null : new LlmClient(config.llm()));
    holder[0] = routes;
    metrics.gauge(
        "seer_model_version",
        () -> {
          Map<String, Double> m = new LinkedHashMap<>();
          routes
              .loaded()
              .forEach(
                  (id, st) -> {
                    Serving s = st.serving.get();
                    m.put("app=\"" + id + "\"", s == null ? 0.0 : s.version().version());
                  });
          return m;
        });
    metrics.gauge(
        "seer_event_lag_seconds",
        () -> {
          Map<String, Double> m = new LinkedHashMap<>();
          long now = System.currentTimeMillis();
          routes
              .loaded()
              .forEach(
                  (id, st) -> {
                    Serving s = st.serving.get();
                    if (s != null) {
                      m.put("app=\"" + id + "\"", (now - s.version().snapshotAt()) / 1000.0);
                    }
                  });
          return m;
        });
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.http.maxRequestSize = config.limits().maxBodyBytes();
              cfg.useVirtualThreads = false;
            });
    app.before(ctx -> ctx.attribute("seer.t0", System.nanoTime()));
    app.after(
        ctx -> {
          Long t0 = ctx.attribute("seer.t0");
          String route = ctx.endpointHandlerPath();
          if (t0 != null) {
            metrics.record(
                ctx.method().name(),
                route == null || route.isEmpty() ? "unmatched" : route,
                ctx.statusCode(),
                (System.nanoTime() - t0) / 1e9);
          }
        });
    app.exception(
        ApiException.class,
        (e, ctx) -> Problems.write(ctx, e.status(), e.title(), e.getMessage(), e.field()));
    app.exception(
        InputException.class,
        (e, ctx) -> Problems.write(ctx, 400, "Invalid request", e.getMessage(), null));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus();
          String detail =
              status == 413
                  ? "The request body is larger than "
                      + config.limits().maxBodyBytes()
                      + " bytes; send smaller batches."
                  : e.getMessage();
          Problems.write(
              ctx, status, status == 413 ? "Payload too large" : "Request refused", detail, null);
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
          Problems.write(
              ctx, 500, "Internal error", "The server failed; the error was logged.", null);
        });
    app.error(
        404,
        ctx -> {
          if (!ctx.result().isEmpty() && "application/problem+json".equals(ctx.contentType())) {
            return;
          }
          Problems.write(
              ctx, 404, "Not found", "No endpoint " + ctx.method() + " " + ctx.path() + ".", null);
        });
    app.error(
        405,
        ctx ->
            Problems.write(
                ctx,
                405,
                "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path() + ".",
                null));
    app.get("/health", ctx -> Json.reply(ctx, 200, Map.of("status", "up")));
    app.get(
        "/ready",
        ctx -> {
          boolean ok = ready;
          try {
            store.apps();
          } catch (RuntimeException e) {
            ok = false;
          }
          Json.reply(ctx, ok ? 200 : 503, Map.of("ready", ok, "store", store.describe()));
        });
    app.get(
        "/metrics",
        ctx -> {
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
          ctx.result(metrics.scrape());
        });
    app.get(
        "/openapi.json",
        ctx -> {
          ctx.contentType("application/json");
          ctx.result(resource("openapi.json"));
        });
    new AppsEndpoint(routes).register(app);
    new ItemsEndpoint(routes).register(app);
    new EventsEndpoint(routes).register(app);
    new UsersEndpoint(routes).register(app);
    new RecommendEndpoint(routes).register(app);
    new SearchEndpoint(routes).register(app);
    new ReviewsEndpoint(routes).register(app);
    new ModelsEndpoint(routes).register(app);
    new ModelUploadEndpoint(routes).register(app);
    new StatsEndpoint(routes).register(app);
    new DashboardEndpoint().register(app);
  }

  /**
   * Opens the store, binds the port and starts serving.
   *
   * @param config the configuration
   * @return the running server
   */
  public static SeerServer start(ServerConfig config) {
    Store store = Store.open(config.db());
    SeerServer s = new SeerServer(config, store);
    try {
      s.app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      store.close();
      throw new InputException(
          "Cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + " ("
              + e.getMessage()
              + "); choose another --port.",
          e);
    }
    for (var a : store.apps()) {
      s.routes.state(a.id()); // load deployed models before reporting ready
    }
    s.ready = true;
    LOG.info("Seer server on http://{}:{} with {}", config.host(), s.port(), store.describe());
    return s;
  }

  /**
   * Queues a training job, as {@code POST /v1/apps/{app}/models/train} does.
   *
   * @param appId the application
   * @param algorithm algorithm name
   * @param options algorithm options
   * @param deploy whether to deploy the result
   * @return the job id
   */
  public long train(String appId, String algorithm, Map<String, String> options, boolean deploy) {
    routes.state(appId);
    return jobs.submit(appId, algorithm, options, deploy, true).id;
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return app.port();
  }

  /** The routes, for in-process measurements in this package. */
  Routes routes() {
    return routes;
  }

  @Override
  public void close() {
    ready = false;
    app.stop();
    jobs.close();
    store.close();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SeerServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
