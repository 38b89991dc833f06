package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.Components;
import dev.seer.algorithms.hybrid.EnsembleOptions.Method;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelCodec;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Stores {@link EnsembleModel}s. Payload version 1: the component count {@code m} (int); the method
 * (0 weighted, 1 rrf, int); the RRF constant {@code k} (double); the {@code m} weights (doubles);
 * the users' training items that RRF ranks last, as the non-zero count (int), then per user its
 * start offset (users + 1 ints) and the item indices (ints), empty for weighted ensembles; then the
 * components, each as in {@link Components}.
 */
public final class EnsembleCodec implements ModelCodec<EnsembleModel> {
  /** Creates the codec (used by {@link ServiceLoader}). */
  public EnsembleCodec() {}

  @Override
  public String algorithm() {
    return EnsembleTrainer.ALGORITHM;
  }

  @Override
  public Class<EnsembleModel> type() {
    return EnsembleModel.class;
  }

  @Override
  public int payloadVersion() {
    return 1;
  }

  @Override
  public void write(EnsembleModel model, DataOutputStream out) throws IOException {
    List<Recommender> comps = model.components();
    out.writeInt(comps.size());
    out.writeInt(model.method() == Method.WEIGHTED ? 0 : 1);
    out.writeDouble(model.k());
    for (double w : model.weights()) {
      out.writeDouble(w);
    }
    SparseMatrix seen = model.seen();
    out.writeInt(seen.nnz());
    for (int p : seen.indptr()) {
      out.writeInt(p);
    }
    for (int i : seen.indices()) {
      out.writeInt(i);
    }
    for (Recommender c : comps) {
      Components.write(out, c);
    }
  }

  @Override
  public EnsembleModel read(
      DataInputStream in, int payloadVersion, ModelCard card, IdIndex users, IdIndex items)
      throws IOException {
    int m = in.readInt();
    if (m < 2 || m > 16) {
      throw new IOException("corrupt ensemble payload: " + m + " components");
    }
    int method = in.readInt();
    if (method != 0 && method != 1) {
      throw new IOException("corrupt ensemble payload: method " + method);
    }
    double k = in.readDouble();
    double[] weights = new double[m];
    for (int c = 0; c < m; c++) {
      weights[c] = in.readDouble();
    }
    int nnz = in.readInt();
    if (nnz < 0 || (long) nnz > (long) users.size() * items.size()) {
      throw new IOException("corrupt ensemble payload: " + nnz + " training items");
    }
    int[] indptr = new int[users.size() + 1];
    for (int u = 0; u < indptr.length; u++) {
      indptr[u] = in.readInt();
    }
    int[] indices = new int[nnz];
    for (int j = 0; j < nnz; j++) {
      indices[j] = in.readInt();
      if (indices[j] < 0 || indices[j] >= items.size()) {
        throw new IOException("corrupt ensemble payload: item index " + indices[j]);
      }
    }
    List<Recommender> comps = new ArrayList<>();
    for (int c = 0; c < m; c++) {
      comps.add(Components.read(in, users, items, "ensemble"));
    }
    try {
      SparseMatrix seen =
          new SparseMatrix(users.size(), items.size(), indptr, indices, new float[nnz]);
      return EnsembleModel.of(
          card, users, items, comps, weights, method == 0 ? Method.WEIGHTED : Method.RRF, k, seen);
    } catch (IllegalArgumentException e) {
      throw new IOException("corrupt ensemble payload: " + e.getMessage(), e);
    }
  }
}
