package dev.seer.algorithms.baseline;

import dev.seer.algorithms.Checks;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Objects;

/**
 * Trains {@link PopularityModel}s (algorithm {@value #ALGORITHM}): an item's score is the number of
 * distinct users with a training row for it (rated at least {@code minRating} when set). When a
 * user has several rows for an item, the last one counts, as in {@link Interactions#byUser()}.
 */
public final class PopularityTrainer implements Trainer<PopularityModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "popularity";

  private final PopularityOptions options;

  /** Creates a trainer with the default options. */
  public PopularityTrainer() {
    this(PopularityOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public PopularityTrainer(PopularityOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public PopularityOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public PopularityModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    if (options.hasMinRating()) {
      Checks.requireRatings(train, "popularity with minRating=" + options.minRating());
    }
    SparseMatrix byUser = train.byUser();
    int[] idx = byUser.indices();
    float[] val = byUser.values();
    float[] counts = new float[train.numItems()];
    double t = options.minRating();
    boolean all = !options.hasMinRating();
    for (int k = 0; k < idx.length; k++) {
      if (all || val[k] >= t) {
        counts[idx[k]]++;
      }
    }
    context.progress().update(ALGORITHM + ": counts", 1, 1);
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new PopularityModel(card, train.users(), train.items(), counts);
  }
}
