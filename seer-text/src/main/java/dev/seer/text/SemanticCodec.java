package dev.seer.text;

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
 * Stores {@link SemanticModel}s. Payload version 1: the dimension (int), the item vectors ({@link
 * ModelFiles#writeFloats}), the liked-item weights ({@link ModelFiles#writeMatrix}), and one text
 * per item ({@link ModelFiles#writeString}). The options come back from the model card.
 */
public final class SemanticCodec implements ModelCodec<SemanticModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public SemanticCodec() {}

  @Override
  public String algorithm() {
    return SemanticTrainer.ALGORITHM;
  }

  @Override
  public Class<SemanticModel> type() {
    return SemanticModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(SemanticModel model, DataOutputStream out) throws IOException {
    out.writeInt(model.dimension());
    ModelFiles.writeFloats(out, model.itemVectors());
    ModelFiles.writeMatrix(out, model.weights());
    int n = model.items().size();
    out.writeInt(n);
    for (int i = 0; i < n; i++) {
      ModelFiles.writeString(out, model.text(i));
    }
  }

  @Override
  public SemanticModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    SemanticOptions options;
    try {
      options = SemanticOptions.parse(card.options());
    } catch (InputException e) {
      throw new IOException("corrupt semantic model card options: " + e.getMessage(), e);
    }
    int dim = in.readInt();
    if (dim < 1 || dim > 65_536) {
      throw new IOException("corrupt semantic payload: dimension " + dim);
    }
    float[] v = ModelFiles.readFloats(in);
    SparseMatrix w = ModelFiles.readMatrix(in);
    int n = in.readInt();
    if (n != items.size()) {
      throw new IOException("corrupt semantic payload: " + n + " texts for " + items.size());
    }
    String[] texts = new String[n];
    for (int i = 0; i < n; i++) {
      texts[i] = ModelFiles.readString(in);
    }
    try {
      return new SemanticModel(card, users, items, options, dim, v, w, texts);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt semantic payload: " + e.getMessage(), e);
    }
  }
}
