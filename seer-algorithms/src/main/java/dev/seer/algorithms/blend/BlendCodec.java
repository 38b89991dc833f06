package dev.seer.algorithms.blend;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Stores {@link BlendModel}s. Payload version 1: the component count {@code m} (int); the {@code m
 * + 1} weights and the minimum and maximum training rating (doubles); then per component its card
 * (algorithm, options, seed, data fingerprint, metrics, Seer version, creation time, written as in
 * the model file header), its codec's payload version (int), and its payload as an int byte length
 * followed by the bytes. The components share the blend's user and item indices.
 */
public final class BlendCodec implements ModelCodec<BlendModel> {
  private static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

  /** Creates the codec (used by {@link ServiceLoader}). */
  public BlendCodec() {}

  @Override
  public String algorithm() {
    return BlendTrainer.ALGORITHM;
  }

  @Override
  public Class<BlendModel> type() {
    return BlendModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(BlendModel model, DataOutputStream out) throws IOException {
    List<Recommender> comps = model.components();
    out.writeInt(comps.size());
    for (double w : model.weights()) {
      out.writeDouble(w);
    }
    out.writeDouble(model.minRating());
    out.writeDouble(model.maxRating());
    for (Recommender c : comps) {
      ModelCodec<Recommender> codec = codecFor(c.card().algorithm());
      writeCard(out, c.card());
      out.writeInt(codec.payloadVersion());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream d = new DataOutputStream(bytes)) {
        codec.write(codec.type().cast(c), d);
      }
      out.writeInt(bytes.size());
      bytes.writeTo(out);
    }
  }

  @Override
  public BlendModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    int m = in.readInt();
    if (m < 1 || m > 16) {
      throw new IOException("corrupt blend payload: " + m + " components");
    }
    double[] weights = new double[m + 1];
    for (int c = 0; c <= m; c++) {
      weights[c] = in.readDouble();
    }
    double min = in.readDouble();
    double max = in.readDouble();
    List<Recommender> comps = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      ModelCard cc = readCard(in);
      ModelCodec<Recommender> codec = codecFor(cc.algorithm());
      int version = in.readInt();
      if (version < 1 || version > codec.payloadVersion()) {
        throw new IOException(
            "blend component "
                + cc.algorithm()
                + " has payload version "
                + version
                + ", newer than this Seer reads ("
                + codec.payloadVersion()
                + ")");
      }
      int n = in.readInt();
      if (n < 0 || n > MAX_PAYLOAD) {
        throw new IOException("corrupt blend payload: component size " + n);
      }
      byte[] bytes = new byte[n];
      in.readFully(bytes);
      try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
        comps.add(codec.read(d, version, cc, users, items));
        if (d.available() != 0) {
          throw new IOException("corrupt blend payload: component " + c + " has extra bytes");
        }
      }
    }
    try {
      return new BlendModel(card, users, items, comps, weights, min, max);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt blend payload: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ModelCodec<Recommender> codecFor(String algorithm) throws IOException {
    for (ModelCodec<?> c : ServiceLoader.load(ModelCodec.class)) {
      if (c.algorithm().equals(algorithm)) {
        return (ModelCodec<Recommender>) c;
      }
    }
    throw new IOException("no model codec for blend component '" + algorithm + "'");
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

  private static ModelCard readCard(DataInputStream in) throws IOException {
    String algorithm = ModelFiles.readString(in);
    int n = count(in);
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      opts.put(ModelFiles.readString(in), ModelFiles.readString(in));
    }
    long seed = in.readLong();
    String fingerprint = ModelFiles.readString(in);
    int m = count(in);
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      metrics.put(ModelFiles.readString(in), in.readDouble());
    }
    String version = ModelFiles.readString(in);
    Instant created = Instant.ofEpochSecond(in.readLong(), in.readInt());
    try {
      return new ModelCard(algorithm, opts, seed, fingerprint, metrics, version, created);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt blend component card: " + e.getMessage(), e);
    }
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw new IOException("corrupt blend payload: count " + n);
    }
    return n;
  }
}
