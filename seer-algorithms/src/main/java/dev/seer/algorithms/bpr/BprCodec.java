package dev.seer.algorithms.bpr;

import dev.seer.algorithms.Checks;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import dev.seer.api.SparseMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link BprModel}s. Payload version 1: factors (int), user factors, item factors and item
 * biases (each as {@link ModelFiles#writeFloats}), and the user-by-item training matrix ({@link
 * ModelFiles#writeMatrix}, for explanations and fold-in sampling). The options (optimiser, fold-in
 * passes, sampling) are read back from the model card.
 */
public final class BprCodec implements ModelCodec<BprModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public BprCodec() {}

  @Override
  public String algorithm() {
    return BprTrainer.ALGORITHM;
  }

  @Override
  public Class<BprModel> type() {
    return BprModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(BprModel model, DataOutputStream out) throws IOException {
    out.writeInt(model.dim());
    ModelFiles.writeFloats(out, model.userFactors());
    ModelFiles.writeFloats(out, model.itemFactors());
    ModelFiles.writeFloats(out, model.itemBiases());
    ModelFiles.writeMatrix(out, model.train());
  }

  @Override
  public BprModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    BprOptions options;
    try {
      options = BprOptions.parse(card.options());
    } catch (InputException e) {
      throw new IOException("corrupt bpr model card options: " + e.getMessage(), e);
    }
    int d = in.readInt();
    Checks.requireLength(d, options.factors(), "the factor count");
    float[] p = ModelFiles.readFloats(in);
    Checks.requireLength(p.length, users.size() * d, "user factors");
    float[] q = ModelFiles.readFloats(in);
    Checks.requireLength(q.length, items.size() * d, "item factors");
    float[] b = ModelFiles.readFloats(in);
    Checks.requireLength(b.length, items.size(), "item biases");
    SparseMatrix train = ModelFiles.readMatrix(in);
    for (int j : train.indices()) {
      if (j < 0 || j >= items.size()) {
        throw new IOException("corrupt bpr payload: training matrix column " + j);
      }
    }
    try {
      return new BprModel(card, users, items, options, p, q, b, train);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt bpr payload: " + e.getMessage(), e);
    }
  }
}
