package dev.seer.algorithms.als;

import dev.seer.algorithms.Checks;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import dev.seer.api.SparseMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link AlsModel}s. Payload version 3: factors (int), regularization and alpha (doubles),
 * useRatings (boolean), weightedRegularization (boolean), explicit (boolean), the user factors and
 * the item factors (each as {@link ModelFiles#writeFloats}, row-major) and the user-by-item
 * training matrix ({@link ModelFiles#writeMatrix}). Version 2 has no explicit flag (read as false),
 * version 1 neither that nor weightedRegularization.
 */
public final class AlsCodec implements ModelCodec<AlsModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public AlsCodec() {}

  @Override
  public String algorithm() {
    return AlsTrainer.ALGORITHM;
  }

  @Override
  public Class<AlsModel> type() {
    return AlsModel.class;
  }

  @Override
  public int payloadVersion() {
    return 3;
  }

  @Override
  public void write(AlsModel model, DataOutputStream out) throws IOException {
    out.writeInt(model.factors());
    out.writeDouble(model.regularization());
    out.writeDouble(model.alpha());
    out.writeBoolean(model.useRatings());
    out.writeBoolean(model.weightedRegularization());
    out.writeBoolean(model.explicit());
    ModelFiles.writeFloats(out, model.userFactors());
    ModelFiles.writeFloats(out, model.itemFactors());
    ModelFiles.writeMatrix(out, model.train());
  }

  @Override
  public AlsModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    int k = in.readInt();
    if (k < 1 || k > 4096) {
      throw new IOException("corrupt als payload: " + k + " factors");
    }
    double lambda = in.readDouble();
    double alpha = in.readDouble();
    boolean useRatings = in.readBoolean();
    boolean weighted = payloadVersion >= 2 && in.readBoolean();
    boolean explicit = payloadVersion >= 3 && in.readBoolean();
    float[] userFactors = ModelFiles.readFloats(in);
    float[] itemFactors = ModelFiles.readFloats(in);
    Checks.requireLength(userFactors.length, users.size() * k, "als user factors");
    Checks.requireLength(itemFactors.length, items.size() * k, "als item factors");
    SparseMatrix train = ModelFiles.readMatrix(in);
    for (int j : train.indices()) {
      if (j < 0 || j >= train.cols()) {
        throw new IOException("corrupt als payload: training matrix column " + j);
      }
    }
    try {
      return new AlsModel(
          card,
          users,
          items,
          k,
          lambda,
          weighted,
          alpha,
          useRatings,
          explicit,
          userFactors,
          itemFactors,
          train);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt als payload: " + e.getMessage(), e);
    }
  }
}
