package dev.seer.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading request bodies and fields with one clear 400 per problem. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      throw ApiException.badField("body", "The request has no body; send a JSON object.");
    }
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n == null || !n.isObject()) {
        throw ApiException.badField("body", "The body must be a JSON object.");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw ApiException.badField(
          "body",
          "The body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    }
  }

  static String text(JsonNode n, String field, String path, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw ApiException.badField(path, "The field " + path + " is required.");
      }
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw ApiException.badField(path, "The field " + path + " must be a string.");
    }
    String s = v.asText();
    if (required && s.isEmpty()) {
      throw ApiException.badField(path, "The field " + path + " must not be empty.");
    }
    return s;
  }

  static Map<String, String> stringMap(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw ApiException.badField(path, "The field " + path + " must be an object of strings.");
    }
    for (var e : v.properties()) {
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  static void reply(Context ctx, int status, Object body) {
    ctx.status(status);
    ctx.contentType("application/json");
    try {
      ctx.result(MAPPER.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
