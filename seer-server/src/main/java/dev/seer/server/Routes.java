package dev.seer.server;

import dev.seer.store.KeyGrant;
import dev.seer.store.Role;
import dev.seer.store.Store;
import dev.seer.text.explain.LlmClient;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared plumbing for endpoint classes: authentication, application state, limits. */
final class Routes {
  final Store store;
  final Jobs jobs;
  final Metrics metrics;
  final Limits limits;

  /** The LLM client, or {@code null} when none is configured. */
  final LlmClient llm;

  private final byte[] rootKey;
  private final RateLimiter rate;
  private final Map<String, AppState> states = new ConcurrentHashMap<>();

  Routes(Store store, Jobs jobs, Metrics metrics, Limits limits, String rootKey, LlmClient llm) {
    this.llm = llm;
    this.store = store;
    this.jobs = jobs;
    this.metrics = metrics;
    this.limits = limits;
    this.rootKey = rootKey.getBytes(StandardCharsets.UTF_8);
    this.rate = new RateLimiter(limits.requestsPerSecond());
  }

  static String secret(Context ctx) {
    String h = ctx.header("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return h.substring(7).trim();
    }
    String k = ctx.header("X-Api-Key");
    return k == null ? null : k.trim();
  }

  /** Requires the operator's root key. */
  void requireRoot(Context ctx) {
    String s = secret(ctx);
    if (s == null) {
      throw new ApiException(
          401, "Unauthorized", "Send the root key as 'Authorization: Bearer KEY'.", null);
    }
    if (!MessageDigest.isEqual(rootKey, s.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(403, "Forbidden", "This operation needs the root key.", null);
    }
  }

  /**
   * Requires a key of the application in the path with at least the given role (the root key passes
   * too), and applies the per-key rate limit.
   */
  AppState require(Context ctx, Role role) {
    String appId = ctx.pathParam("app");
    String s = secret(ctx);
    if (s == null) {
      throw new ApiException(
          401, "Unauthorized", "Send an API key as 'Authorization: Bearer KEY'.", null);
    }
    if (MessageDigest.isEqual(rootKey, s.getBytes(StandardCharsets.UTF_8))) {
      return state(appId);
    }
    KeyGrant g = grant(s);
    if (!g.appId().equals(appId)) {
      throw new ApiException(403, "Forbidden", "This key belongs to another application.", null);
    }
    if (!g.role().allows(role)) {
      throw new ApiException(
          403,
          "Forbidden",
          "This key has the role '"
              + g.role().id()
              + "'; this operation needs '"
              + role.id()
              + "'.",
          null);
    }
    if (!rate.tryAcquire(g.keyId(), System.nanoTime())) {
      throw new ApiException(
          429, "Too many requests", "This key is over its rate limit; slow down and retry.", null);
    }
    return state(appId);
  }

  /**
   * How long a successful key lookup is remembered, so that a request does not query the store
   * (system property {@code seer.keyCacheMillis}, default 2000; a revoked key stops working within
   * this time).
   */
  static long keyCacheMillis() {
    return Long.getLong("seer.keyCacheMillis", 2000);
  }

  private record Cached(KeyGrant grant, long until) {}

  private final Map<String, Cached> grants = new ConcurrentHashMap<>();

  private KeyGrant grant(String secret) {
    long now = System.currentTimeMillis();
    Cached c = grants.get(secret);
    if (c != null && c.until() > now) {
      return c.grant();
    }
    KeyGrant g =
        store
            .authenticate(secret)
            .orElseThrow(
                () -> {
                  grants.remove(secret);
                  return new ApiException(
                      401, "Unauthorized", "The API key is unknown or revoked.", null);
                });
    if (grants.size() > 10_000) {
      grants.clear(); // bounded: only valid keys get here, and they are few
    }
    grants.put(secret, new Cached(g, now + keyCacheMillis()));
    return g;
  }

  /** Forgets remembered key lookups (after a key is revoked). */
  void forgetKeys() {
    grants.clear();
  }

  /** The in-memory state of an application (404 if the application does not exist). */
  AppState state(String appId) {
    AppState st = states.get(appId);
    if (st != null) {
      return st;
    }
    if (store.app(appId).isEmpty()) {
      throw new ApiException(
          404, "Not found", "The application '" + appId + "' does not exist.", "app");
    }
    return states.computeIfAbsent(
        appId,
        id -> {
          AppState s = new AppState(id);
          s.loadCatalogue(store);
          store
              .deployment(id)
              .ifPresent(
                  d ->
                      store.models(id).stream()
                          .filter(v -> v.version() == d.version())
                          .findFirst()
                          .ifPresent(
                              v ->
                                  s.swap(
                                      Serving.load(
                                          v, store.modelData(id, v.version()).orElseThrow()),
                                      store)));
          return s;
        });
  }

  Map<String, AppState> loaded() {
    return states;
  }

  int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      int x = Integer.parseInt(v);
      if (x < min || x > max) {
        throw ApiException.badField(
            name,
            "The parameter "
                + name
                + "="
                + x
                + " is out of range; use "
                + min
                + " to "
                + max
                + ".");
      }
      return x;
    } catch (NumberFormatException e) {
      throw ApiException.badField(
          name, "The parameter " + name + "='" + v + "' is not a whole number.");
    }
  }
}
