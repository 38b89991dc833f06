package dev.seer.algorithms.knn;

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
 * Stores {@link UserKnnModel}s. Payload version 1: the user neighbour matrix and the user-by-item
 * training ratings (each as {@link ModelFiles#writeMatrix}). The options (vector values, shrinkage,
 * neighbour count for fold-in) are read back from the model card.
 */
public final class UserKnnCodec implements ModelCodec<UserKnnModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public UserKnnCodec() {}

  @Override
  public String algorithm() {
    return UserKnnTrainer.ALGORITHM;
  }

  @Override
  public Class<UserKnnModel> type() {
    return UserKnnModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(UserKnnModel model, DataOutputStream out) throws IOException {
    ModelFiles.writeMatrix(out, model.neighbours());
    ModelFiles.writeMatrix(out, model.train());
  }

  @Override
  public UserKnnModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    UserKnnOptions options;
    try {
      options = UserKnnOptions.parse(card.options());
    } catch (InputException e) {
      throw new IOException("corrupt user-knn model card options: " + e.getMessage(), e);
    }
    SparseMatrix neighbours = ModelFiles.readMatrix(in);
    SparseMatrix train = ModelFiles.readMatrix(in);
    checkIndices(neighbours, "neighbour");
    checkIndices(train, "training");
    try {
      return new UserKnnModel(
          card, users, items, options, neighbours, new UserVectors(train, options));
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt user-knn payload: " + e.getMessage(), e);
    }
  }

  private static void checkIndices(SparseMatrix m, String what) throws IOException {
    for (int j : m.indices()) {
      if (j < 0 || j >= m.cols()) {
        throw new IOException("corrupt user-knn payload: " + what + " matrix column " + j);
      }
    }
  }
}
