package dev.seer.algorithms.graph;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import dev.seer.api.SparseMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link Rp3BetaModel}s. Payload version 1: alpha (double), the kept weights by arriving
 * item ({@link Rp3BetaModel#incoming()}) and the user-by-item training matrix (each as {@link
 * ModelFiles#writeMatrix}).
 */
public final class Rp3BetaCodec implements ModelCodec<Rp3BetaModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public Rp3BetaCodec() {}

  @Override
  public String algorithm() {
    return Rp3BetaTrainer.ALGORITHM;
  }

  @Override
  public Class<Rp3BetaModel> type() {
    return Rp3BetaModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(Rp3BetaModel model, DataOutputStream out) throws IOException {
    out.writeDouble(model.alpha());
    ModelFiles.writeMatrix(out, model.incoming());
    ModelFiles.writeMatrix(out, model.train());
  }

  @Override
  public Rp3BetaModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    double alpha = in.readDouble();
    SparseMatrix incoming = ModelFiles.readMatrix(in);
    SparseMatrix train = ModelFiles.readMatrix(in);
    checkIndices(incoming, "weight");
    checkIndices(train, "training");
    try {
      return new Rp3BetaModel(card, users, items, incoming, train, alpha);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt rp3beta payload: " + e.getMessage(), e);
    }
  }

  private static void checkIndices(SparseMatrix m, String what) throws IOException {
    for (int j : m.indices()) {
      if (j < 0 || j >= m.cols()) {
        throw new IOException("corrupt rp3beta payload: " + what + " matrix column " + j);
      }
    }
  }
}
