package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Components;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.Recommender;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ServiceLoader;

/**
 * Stores {@link HybridModel}s. Payload version 1: the CF part and the content part, each as in
 * {@link Components}; one byte per item (1 when the item had training interactions); one int per
 * user (their number of distinct training items); the bucket count {@code B} (int), the {@code B -
 * 1} inclusive upper bucket edges (ints), the {@code B} bucket alphas and the global alpha
 * (doubles); whether scoring uses the bucket alphas (boolean).
 */
public final class HybridCodec implements ModelCodec<HybridModel> {
  /** Creates the codec (used by {@link ServiceLoader}). */
  public HybridCodec() {}

  @Override
  public String algorithm() {
    return HybridTrainer.ALGORITHM;
  }

  @Override
  public Class<HybridModel> type() {
    return HybridModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(HybridModel model, DataOutputStream out) throws IOException {
    Components.write(out, model.cf());
    Components.write(out, model.content());
    for (boolean w : model.warmMask()) {
      out.writeByte(w ? 1 : 0);
    }
    for (int a : model.activity()) {
      out.writeInt(a);
    }
    int[] edges = model.bucketEdges();
    double[] alphas = model.bucketAlphas();
    out.writeInt(alphas.length);
    for (int e : edges) {
      out.writeInt(e);
    }
    for (double a : alphas) {
      out.writeDouble(a);
    }
    out.writeDouble(model.globalAlpha());
    out.writeBoolean(model.perBucket());
  }

  @Override
  public HybridModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    Recommender cf = Components.read(in, users, items, "hybrid");
    Recommender content = Components.read(in, users, items, "hybrid");
    boolean[] warm = new boolean[items.size()];
    for (int i = 0; i < warm.length; i++) {
      warm[i] = in.readByte() != 0;
    }
    int[] activity = new int[users.size()];
    for (int u = 0; u < activity.length; u++) {
      activity[u] = in.readInt();
    }
    int b = in.readInt();
    if (b < 1 || b > 20) {
      throw new IOException("corrupt hybrid payload: " + b + " buckets");
    }
    int[] edges = new int[b - 1];
    for (int k = 0; k < edges.length; k++) {
      edges[k] = in.readInt();
    }
    double[] alphas = new double[b];
    for (int k = 0; k < b; k++) {
      alphas[k] = in.readDouble();
    }
    double global = in.readDouble();
    boolean perBucket = in.readBoolean();
    try {
      return HybridModel.of(
          card, users, items, cf, content, warm, activity, edges, alphas, global, perBucket);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt hybrid payload: " + e.getMessage(), e);
    }
  }
}
