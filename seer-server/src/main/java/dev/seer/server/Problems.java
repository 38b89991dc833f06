package dev.seer.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Writes RFC 9457 problem documents ({@code application/problem+json}). */
final class Problems {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  static void write(Context ctx, int status, String title, String detail, String field) {
    ObjectNode p = JSON.createObjectNode();
    p.put("type", "https://seer.dev/problems/" + slug(title));
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", ctx.path());
    if (field != null) {
      p.put("field", field);
    }
    ctx.status(status);
    ctx.contentType("application/problem+json");
    ctx.result(p.toString());
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
