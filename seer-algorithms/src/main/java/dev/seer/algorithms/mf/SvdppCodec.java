package dev.seer.algorithms.mf;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import dev.seer.api.SparseMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link SvdppModel}s. Payload version 1: factors {@code k} (int); mean, minimum and maximum
 * training rating, bias and factor regularisation (5 doubles); user biases, item biases, user
 * factors {@code p} ({@code users x k}, row-major), item factors {@code q} and implicit factors
 * {@code y} ({@code items x k}), each as an int length followed by doubles; then the implicit sets
 * {@code N(u)} as a users x items matrix ({@link ModelFiles#writeMatrix}).
 */
public final class SvdppCodec implements ModelCodec<SvdppModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public SvdppCodec() {}

  @Override
  public String algorithm() {
    return SvdppTrainer.ALGORITHM;
  }

  @Override
  public Class<SvdppModel> type() {
    return SvdppModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(SvdppModel model, DataOutputStream out) throws IOException {
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
    Latent.writeDoubles(out, model.implicitFactorMatrix());
    ModelFiles.writeMatrix(out, model.implicitSets());
  }

  @Override
  public SvdppModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    int k = in.readInt();
    if (k < 1 || k > 4096) {
      throw new IOException("corrupt svdpp payload: " + k + " factors");
    }
    double[] stats = {in.readDouble(), in.readDouble(), in.readDouble()};
    double[] reg = {in.readDouble(), in.readDouble()};
    long nu = users.size();
    long ni = items.size();
    double[] bu = Latent.readDoubles(in, nu, "user biases");
    double[] bi = Latent.readDoubles(in, ni, "item biases");
    double[] p = Latent.readDoubles(in, nu * k, "user factors");
    double[] q = Latent.readDoubles(in, ni * k, "item factors");
    double[] y = Latent.readDoubles(in, ni * k, "implicit factors");
    SparseMatrix implicit = ModelFiles.readMatrix(in);
    try {
      return new SvdppModel(card, users, items, k, stats, reg, bu, bi, p, q, y, implicit);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt svdpp payload: " + e.getMessage(), e);
    }
  }
}
