package dev.seer.algorithms.hybrid;

import dev.seer.algorithms.hybrid.EnsembleOptions.Method;
import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.Recommender;
import dev.seer.api.SparseMatrix;
import java.util.List;

/**
 * An {@link EnsembleModel} whose components all fold in, so it folds in too: every component scores
 * the item list and the scores are combined as for a training user whose training items are the
 * list.
 */
public final class FoldingEnsembleModel extends EnsembleModel implements FoldIn {
  FoldingEnsembleModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      List<Recommender> components,
      double[] weights,
      Method method,
      double k,
      SparseMatrix seen) {
    super(card, users, items, components, weights, method, k, seen);
  }

  @Override
  public void scoreItems(int[] list, float[] values, float[] out) {
    if (values != null && values.length != list.length) {
      throw new InputException(
          "Fold-in got "
              + list.length
              + " items but "
              + values.length
              + " values; give one value per item.");
    }
    List<Recommender> comps = components();
    float[][] parts = new float[comps.size()][];
    for (int c = 0; c < parts.length; c++) {
      parts[c] = new float[out.length];
      ((FoldIn) comps.get(c)).scoreItems(list, values, parts[c]);
    }
    combine(parts, list.clone(), out);
  }
}
