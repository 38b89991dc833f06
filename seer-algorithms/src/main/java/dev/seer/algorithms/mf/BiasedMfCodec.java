package dev.seer.algorithms.mf;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link BiasedMfModel}s. Payload version 1: factors {@code k} (int); mean, minimum and
 * maximum training rating, bias and factor regularisation (5 doubles); then user biases, item
 * biases, user factors ({@code users x k}, row-major) and item factors ({@code items x k}), each as
 * an int length followed by doubles.
 */
public final class BiasedMfCodec implements ModelCodec<BiasedMfModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public BiasedMfCodec() {}

  @Override
  public String algorithm() {
    return BiasedMfTrainer.ALGORITHM;
  }

  @Override
  public Class<BiasedMfModel> type() {
    return BiasedMfModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(BiasedMfModel model, DataOutputStream out) throws IOException {
    out.writeInt(model.factors());
    for (double v : model.stats()) {
      out.writeDouble(v);
    }
    for (double v : model.regularisation()) {
      out.writeDouble(v);
    }
    Latent.writeDoubles(out, model.userBiases());
    Latent.writeDoubles(out, model.itemBiases());
    Latent.writeDoubles(out, model.userFactorMatrix());
    Latent.writeDoubles(out, model.itemFactorMatrix());
  }

  @Override
  public BiasedMfModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    int k = in.readInt();
    if (k < 1 || k > 4096) {
      throw new IOException("corrupt biased-mf payload: " + k + " factors");
    }
    double[] stats = {in.readDouble(), in.readDouble(), in.readDouble()};
    double[] reg = {in.readDouble(), in.readDouble()};
    double[] bu = Latent.readDoubles(in, users.size(), "user biases");
    double[] bi = Latent.readDoubles(in, items.size(), "item biases");
    double[] p = Latent.readDoubles(in, (long) users.size() * k, "user factors");
    double[] q = Latent.readDoubles(in, (long) items.size() * k, "item factors");
    return new BiasedMfModel(card, users, items, k, stats, reg, bu, bi, p, q);
  }
}
