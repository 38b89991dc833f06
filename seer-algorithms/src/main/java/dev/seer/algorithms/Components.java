package dev.seer.algorithms;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import dev.seer.api.Recommender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Writes and reads a model nested inside another model's payload (the components of blends, hybrids
 * and ensembles). One component is its card (algorithm, options sorted by name, seed, data
 * fingerprint, metrics sorted by name, Seer version, creation time as seconds and nanoseconds), its
 * codec's payload version (int) and its payload as an int byte length followed by the bytes. The
 * component shares the outer model's user and item indices.
 */
public final class Components {
  private static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

  private Components() {}

  /**
   * Writes one component.
   *
   * @param out the stream
   * @param model the component
   * @throws IOException on write failure, or if no codec stores the component's algorithm
   */
  public static void write(DataOutputStream out, Recommender model) throws IOException {
    ModelCodec<Recommender> codec = codecFor(model.card().algorithm(), "component");
    writeCard(out, model.card());
    out.writeInt(codec.payloadVersion());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream d = new DataOutputStream(bytes)) {
      codec.write(codec.type().cast(model), d);
    }
    out.writeInt(bytes.size());
    bytes.writeTo(out);
  }

  /**
   * Reads one component written by {@link #write}.
   *
   * @param in the stream
   * @param users the outer model's user index
   * @param items the outer model's item index
   * @param owner what holds the component, for messages (for example {@code "blend"})
   * @return the component
   * @throws IOException on read failure or a corrupt payload
   */
  public static Recommender read(DataInputStream in, IdIndex users, IdIndex items, String owner)
      throws IOException {
    ModelCard cc = readCard(in, owner);
    ModelCodec<Recommender> codec = codecFor(cc.algorithm(), owner + " component");
    int version = in.readInt();
    if (version < 1 || version > codec.payloadVersion()) {
      throw new IOException(
          owner
              + " component "
              + cc.algorithm()
              + " has payload version "
              + version
              + ", newer than this Seer reads ("
              + codec.payloadVersion()
              + ")");
    }
    int n = in.readInt();
    if (n < 0 || n > MAX_PAYLOAD) {
      throw new IOException("corrupt " + owner + " payload: component size " + n);
    }
    byte[] bytes = new byte[n];
    in.readFully(bytes);
    try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
      Recommender r = codec.read(d, version, cc, users, items);
      if (d.available() != 0) {
        throw new IOException(
            "corrupt " + owner + " payload: component " + cc.algorithm() + " has extra bytes");
      }
      return r;
    }
  }

  @SuppressWarnings("unchecked")
  private static ModelCodec<Recommender> codecFor(String algorithm, String what)
      throws IOException {
    for (ModelCodec<?> c : ServiceLoader.load(ModelCodec.class)) {
      if (c.algorithm().equals(algorithm)) {
        return (ModelCodec<Recommender>) c;
      }
    }
    throw new IOException("no model codec for " + what + " '" + algorithm + "'");
  }

  private static void writeCard(DataOutputStream out, ModelCard card) throws IOException {
    ModelFiles.writeString(out, card.algorithm());
    Map<String, String> opts = new TreeMap<>(card.options());
    out.writeInt(opts.size());
    for (Map.Entry<String, String> e : opts.entrySet()) {
      ModelFiles.writeString(out, e.getKey());
      ModelFiles.writeString(out, e.getValue());
    }
    out.writeLong(card.seed());
    ModelFiles.writeString(out, card.dataFingerprint());
    Map<String, Double> metrics = new TreeMap<>(card.metrics());
    out.writeInt(metrics.size());
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      ModelFiles.writeString(out, e.getKey());
      out.writeDouble(e.getValue());
    }
    ModelFiles.writeString(out, card.seerVersion());
    out.writeLong(card.createdAt().getEpochSecond());
    out.writeInt(card.createdAt().getNano());
  }

  private static ModelCard readCard(DataInputStream in, String owner) throws IOException {
    String algorithm = ModelFiles.readString(in);
    int n = count(in, owner);
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      opts.put(ModelFiles.readString(in), ModelFiles.readString(in));
    }
    long seed = in.readLong();
    String fingerprint = ModelFiles.readString(in);
    int m = count(in, owner);
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      metrics.put(ModelFiles.readString(in), in.readDouble());
    }
    String version = ModelFiles.readString(in);
    Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
    try {
      return new ModelCard(algorithm, opts, seed, fingerprint, metrics, version, created);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt " + owner + " component card: " + e.getMessage(), e);
    }
  }

  private static int count(DataInputStream in, String owner) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("corrupt " + owner + " payload: count " + n);
    }
    return n;
  }
}
