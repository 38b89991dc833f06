package dev.seer.algorithms.hybrid;

import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ModelCard;
import dev.seer.api.Recommender;
import java.util.Arrays;

/**
 * A {@link HybridModel} whose two parts both fold in, so it folds in too: each part scores the item
 * list, and the parts are mixed with the alpha of the bucket of the list's number of distinct
 * items, exactly as {@link #score} mixes a training user's scores.
 */
public final class FoldingHybridModel extends HybridModel implements FoldIn {
  FoldingHybridModel(
      ModelCard card,
      IdIndex users,
      IdIndex items,
      Recommender cf,
      Recommender content,
      boolean[] warm,
      int[] activity,
      int[] bucketUpper,
      double[] bucketAlpha,
      double globalAlpha,
      boolean perBucket) {
    super(
        card,
        users,
        items,
        cf,
        content,
        warm,
        activity,
        bucketUpper,
        bucketAlpha,
        globalAlpha,
        perBucket);
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
    float[] c = new float[out.length];
    ((FoldIn) cf()).scoreItems(list, values, c);
    ((FoldIn) content()).scoreItems(list, values, out);
    int distinct = (int) Arrays.stream(list).distinct().count();
    combine(alpha(distinct), c, out);
  }
}
