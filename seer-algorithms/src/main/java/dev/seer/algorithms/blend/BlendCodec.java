package dev.seer.algorithms.blend;

import dev.seer.algorithms.Components;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.Recommender;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Stores {@link BlendModel}s. Payload version 1: the component count {@code m} (int); the {@code m
 * + 1} weights and the minimum and maximum training rating (doubles); then per component its card
 * (algorithm, options, seed, data fingerprint, metrics, Seer version, creation time, written as in
 * the model file header), its codec's payload version (int), and its payload as an int byte length
 * followed by the bytes. The components share the blend's user and item indices.
 */
public final class BlendCodec implements ModelCodec<BlendModel> {
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
      Components.write(out, c);
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
      comps.add(Components.read(in, users, items, "blend"));
    }
    try {
      return new BlendModel(card, users, items, comps, weights, min, max);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt blend payload: " + e.getMessage(), e);
    }
  }
}
