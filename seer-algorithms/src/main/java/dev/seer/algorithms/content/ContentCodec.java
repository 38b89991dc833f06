package dev.seer.algorithms.content;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Stores {@link ContentModel}s. Payload version 1: the feature count and names (strings), the
 * item-by-feature matrix ({@link ModelFiles#writeMatrix}), the users' preference vectors and the
 * vector of users without training rows ({@link ModelFiles#writeFloats}). The options (for fold-in)
 * are read back from the model card, so the item metadata is not needed after training.
 */
public final class ContentCodec implements ModelCodec<ContentModel> {
  /** Creates the codec (used by {@link java.util.ServiceLoader}). */
  public ContentCodec() {}

  @Override
  public String algorithm() {
    return ContentTrainer.ALGORITHM;
  }

  @Override
  public Class<ContentModel> type() {
    return ContentModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(ContentModel model, DataOutputStream out) throws IOException {
    List<String> names = model.features().names();
    out.writeInt(names.size());
    for (String n : names) {
      ModelFiles.writeString(out, n);
    }
    ModelFiles.writeMatrix(out, model.features().matrix());
    ModelFiles.writeFloats(out, model.preferences());
    ModelFiles.writeFloats(out, model.prior());
  }

  @Override
  public ContentModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    ContentOptions options;
    try {
      options = ContentOptions.parse(card.options());
    } catch (InputException e) {
      throw new IOException("corrupt content model card options: " + e.getMessage(), e);
    }
    int n = in.readInt();
    if (n < 0 || n > (1 << 24)) {
      throw new IOException("corrupt content payload: " + n + " features");
    }
    List<String> names = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      names.add(ModelFiles.readString(in));
    }
    SparseMatrix phi = ModelFiles.readMatrix(in);
    Checks.requireLength(phi.rows(), items.size(), "the feature matrix rows");
    Checks.requireLength(phi.cols(), n, "the feature matrix columns");
    for (int j : phi.indices()) {
      if (j < 0 || j >= n) {
        throw new IOException("corrupt content payload: feature column " + j);
      }
    }
    float[] theta = ModelFiles.readFloats(in);
    Checks.requireLength(theta.length, users.size() * n, "preference vectors");
    float[] prior = ModelFiles.readFloats(in);
    Checks.requireLength(prior.length, n, "the cold-user vector");
    try {
      return new ContentModel(
          card, users, items, options, new ItemFeatures(names, phi), theta, prior);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt content payload: " + e.getMessage(), e);
    }
  }
}
