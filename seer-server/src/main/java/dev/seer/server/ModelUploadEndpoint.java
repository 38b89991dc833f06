package dev.seer.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelFiles;
import dev.seer.api.SavedModel;
import dev.seer.store.ModelVersion;
import dev.seer.store.Role;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/apps/{app}/models/upload}: stores a model file in Seer's versioned format (as
 * written by {@code seer train} or seer-spark's {@code export}) as the application's next model
 * version, after checking that it loads and that its items are in the application's catalogue and
 * its users have events in the application. The normal deploy endpoint then deploys it.
 */
final class ModelUploadEndpoint {
  /** How many unknown ids a refusal quotes. */
  private static final int EXAMPLES = 5;

  private final Routes r;

  ModelUploadEndpoint(Routes r) {
    this.r = r;
  }

  void register(Javalin app) {
    app.post("/v1/apps/{app}/models/upload", this::upload);
  }

  private void upload(Context ctx) {
    AppState st = r.require(ctx, Role.ADMIN);
    byte[] bytes = readBody(ctx, r.limits.maxModelBytes());
    if (bytes.length == 0) {
      throw new ApiException(
          400,
          "Invalid request",
          "The request body is empty; send the model file's bytes (Content-Type:"
              + " application/octet-stream), e.g. curl --data-binary @model.seer.",
          null);
    }
    long snapshotAt = System.currentTimeMillis();
    SavedModel saved = load(bytes);
    IdIndex items = saved.model().items();
    IdIndex users = saved.model().users();
    List<String> unknownItems = new ArrayList<>();
    int missingItems = 0;
    for (int i = 0; i < items.size(); i++) {
      if (!st.catalogue.containsKey(items.id(i))) {
        missingItems++;
        if (unknownItems.size() < EXAMPLES) {
          unknownItems.add(items.id(i));
        }
      }
    }
    if (missingItems > 0) {
      throw new ApiException(
          422,
          "Unknown items",
          missingItems
              + " of the model's "
              + items.size()
              + " items are not in the catalogue of '"
              + st.appId
              + "' (first: "
              + String.join(", ", unknownItems)
              + "); upsert them with PUT /v1/apps/"
              + st.appId
              + "/items first, or upload the model to the application it was trained for.",
          null);
    }
    Set<String> known = new HashSet<>();
    r.store.forEachEvent(st.appId, e -> known.add(e.userId()));
    List<String> unknownUsers = new ArrayList<>();
    int missingUsers = 0;
    for (int u = 0; u < users.size(); u++) {
      if (!known.contains(users.id(u))) {
        missingUsers++;
        if (unknownUsers.size() < EXAMPLES) {
          unknownUsers.add(users.id(u));
        }
      }
    }
    if (missingUsers > 0) {
      throw new ApiException(
          422,
          "Unknown users",
          missingUsers
              + " of the model's "
              + users.size()
              + " users have no events in '"
              + st.appId
              + "' (first: "
              + String.join(", ", unknownUsers)
              + "); send their events with POST /v1/apps/"
              + st.appId
              + "/events first, or upload the model to the application it was trained for.",
          null);
    }
    ModelCard card = saved.model().card();
    ModelVersion v =
        r.store.saveModel(st.appId, card.algorithm(), cardJson(card, saved), bytes, snapshotAt);
    ctx.header("Location", "/v1/apps/" + st.appId + "/models");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", v.version());
    out.put("algorithm", v.algorithm());
    out.put("bytes", v.bytes());
    out.put("users", users.size());
    out.put("items", items.size());
    out.put("interactions", saved.seen().nnz());
    out.put("deployed", false);
    out.put("deploy", "/v1/apps/" + st.appId + "/models/" + v.version() + "/deploy");
    Json.reply(ctx, 201, out);
  }

  /**
   * Reads the request body from the raw stream, so that a model file may exceed the server's
   * general body limit, up to {@code max} bytes.
   */
  private static byte[] readBody(Context ctx, long max) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > max) {
      throw tooLarge(Long.toString(declared), max);
    }
    try (var in = ctx.req().getInputStream()) {
      java.io.ByteArrayOutputStream out =
          new java.io.ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 1 << 20)));
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > max) {
          throw tooLarge("more than " + max, max);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ApiException(
          400,
          "Invalid request",
          "The model file could not be read from the request ("
              + e.getMessage()
              + "); send it again.",
          null);
    }
  }

  private static ApiException tooLarge(String size, long max) {
    return new ApiException(
        413,
        "Payload too large",
        "The model file has "
            + size
            + " bytes, more than this server takes ("
            + max
            + "); start it with a larger --max-model-mib, or train a smaller model.",
        null);
  }

  /** Loads the bytes with the model file reader; its refusals become a 400 problem. */
  private static SavedModel load(byte[] bytes) {
    Path tmp;
    try {
      tmp = Files.createTempFile("seer-upload", ".seer");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage an uploaded model", e);
    }
    try {
      Files.write(tmp, bytes);
      return ModelFiles.load(tmp);
    } catch (InputException e) {
      String detail = e.getMessage().replace(tmp.toString(), "The uploaded file");
      throw new ApiException(400, "Invalid model file", detail, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage an uploaded model", e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }

  private static String cardJson(ModelCard card, SavedModel saved) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("algorithm", card.algorithm());
    n.set("options", Json.MAPPER.valueToTree(new java.util.TreeMap<>(card.options())));
    n.put("seed", card.seed());
    n.put("dataFingerprint", card.dataFingerprint());
    n.set("metrics", Json.MAPPER.valueToTree(new LinkedHashMap<>(card.metrics())));
    n.put("seerVersion", card.seerVersion());
    n.put("createdAt", card.createdAt().toString());
    n.put("rows", saved.seen().nnz());
    n.put("users", saved.model().users().size());
    n.put("items", saved.model().items().size());
    n.put("source", "upload");
    return n.toString();
  }
}
