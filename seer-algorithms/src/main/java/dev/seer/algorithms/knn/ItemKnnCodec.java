package dev.seer.algorithms.knn;

import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.ModelFiles;
import dev.seer.api.SparseMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stores {@link ItemKnnModel}s. Payload version 1: useRatings (boolean), the neighbour matrix and
 * the user-by-item training matrix (each as {@link ModelFiles#writeMatrix}).
 */
public final class ItemKnnCodec implements ModelCodec<ItemKnnModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public ItemKnnCodec() {}

  @Override
  public String algorithm() {
    return ItemKnnTrainer.ALGORITHM;
  }

  @Override
  public Class<ItemKnnModel> type() {
    return ItemKnnModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(ItemKnnModel model, DataOutputStream out) throws IOException {
    out.writeBoolean(model.useRatings());
    ModelFiles.writeMatrix(out, model.neighbours());
    ModelFiles.writeMatrix(out, model.train());
  }

  @Override
  public ItemKnnModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    boolean useRatings = in.readBoolean();
    SparseMatrix neighbours = ModelFiles.readMatrix(in);
    SparseMatrix train = ModelFiles.readMatrix(in);
    checkIndices(neighbours, "neighbour");
    checkIndices(train, "training");
    try {
      return new ItemKnnModel(card, users, items, neighbours, train, useRatings);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt item-knn payload: " + e.getMessage(), e);
    }
  }

  private static void checkIndices(SparseMatrix m, String what) throws IOException {
    for (int j : m.indices()) {
      if (j < 0 || j >= m.cols()) {
        throw new IOException("corrupt item-knn payload: " + what + " matrix column " + j);
      }
    }
  }
}
