package dev.seer.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /dashboard}: a single self-contained page (no external scripts or fonts) that talks to
 * the API with the key the user enters: applications, model versions with metric plots, training
 * jobs with progress, event rates, a user's recommendations with reasons, and a box to try any
 * request.
 */
final class DashboardEndpoint {
  private final String page;

  DashboardEndpoint() {
    try (InputStream in = DashboardEndpoint.class.getResourceAsStream("dashboard.html")) {
      if (in == null) {
        throw new IllegalStateException("dashboard.html is missing from the jar");
      }
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void register(Javalin app) {
    app.get("/", ctx -> ctx.redirect("/dashboard"));
    app.get(
        "/dashboard",
        ctx -> {
          ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'");
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.contentType("text/html; charset=utf-8");
          ctx.result(page);
        });
  }
}
