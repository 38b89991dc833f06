package dev.seer.algorithms.baseline;

import dev.seer.algorithms.Checks;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link BiasedBaselineModel}s. Payload version 1: mean (double), user biases and item
 * biases (each an int length then doubles).
 */
public final class BiasedBaselineCodec implements ModelCodec<BiasedBaselineModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public BiasedBaselineCodec() {}

  @Override
  public String algorithm() {
    return BiasedBaselineTrainer.ALGORITHM;
  }

  @Override
  public Class<BiasedBaselineModel> type() {
    return BiasedBaselineModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(BiasedBaselineModel model, DataOutputStream out) throws IOException {
    out.writeDouble(model.mean());
    writeDoubles(out, model.userBiases());
    writeDoubles(out, model.itemBiases());
  }

  @Override
  public BiasedBaselineModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    double mean = in.readDouble();
    double[] bu = readDoubles(in, users.size(), "user biases");
    double[] bi = readDoubles(in, items.size(), "item biases");
    return new BiasedBaselineModel(card, users, items, mean, bu, bi);
  }

  private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeDouble(v);
    }
  }

  private static double[] readDoubles(DataInputStream in, int expected, String what)
      throws IOException {
    Checks.requireLength(in.readInt(), expected, what);
    double[] a = new double[expected];
    for (int i = 0; i < expected; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }
}
