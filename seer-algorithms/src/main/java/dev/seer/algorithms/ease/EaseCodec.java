package dev.seer.algorithms.ease;

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
 * Stores {@link EaseModel}s. Payload version 1: the weights {@code B} (row-major, {@link
 * ModelFiles#writeFloats}) and the user-by-item training matrix ({@link ModelFiles#writeMatrix}).
 */
public final class EaseCodec implements ModelCodec<EaseModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public EaseCodec() {}

  @Override
  public String algorithm() {
    return EaseTrainer.ALGORITHM;
  }

  @Override
  public Class<EaseModel> type() {
    return EaseModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(EaseModel model, DataOutputStream out) throws IOException {
    ModelFiles.writeFloats(out, model.weights());
    ModelFiles.writeMatrix(out, model.train());
  }

  @Override
  public EaseModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    int n = items.size();
    if (n > EaseTrainer.MAX_ITEMS) {
      throw new IOException("corrupt ease payload: " + n + " items");
    }
    float[] weights = ModelFiles.readFloats(in);
    Checks.requireLength(weights.length, n * n, "ease weights");
    SparseMatrix train = ModelFiles.readMatrix(in);
    for (int j : train.indices()) {
      if (j < 0 || j >= train.cols()) {
        throw new IOException("corrupt ease payload: training matrix column " + j);
      }
    }
    try {
      return new EaseModel(card, users, items, weights, train);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt ease payload: " + e.getMessage(), e);
    }
  }
}
