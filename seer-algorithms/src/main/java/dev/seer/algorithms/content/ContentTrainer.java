package dev.seer.algorithms.content;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Parallel;
import dev.seer.algorithms.Randoms;
import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Objects;

/**
 * Trains {@link ContentModel}s (algorithm {@value #ALGORITHM}): a content-based recommender with
 * {@code score(u, v) = theta_u . phi_v}, where {@code phi_v} are the item features of {@link
 * ItemFeatures}, built from {@link TrainingContext#items()}, and {@code theta_u} is the user's
 * preference vector. Each {@code theta_u} maximises the softmax likelihood of the user's items
 * among all items with an L2 penalty (multinomial logistic regression on fixed features, as in the
 * softmax formulation of P. Covington, J. Adams and E. Sargin, "Deep Neural Networks for YouTube
 * Recommendations", RecSys 2016, with a linear user model), see {@link PreferenceFit}: {@code
 * epochs} steps of the chosen optimiser from {@code theta = 0}.
 *
 * <p>The users' problems are independent (the features are fixed), so they are solved in fixed
 * chunks on several threads; every user's result depends only on the data and on a generator seeded
 * from the seed and the user index, so the model is the same for any thread count. Users without
 * training rows get the mean vector of the others. Items without any interaction still score by
 * their features, so they can be recommended.
 */
public final class ContentTrainer implements Trainer<ContentModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "content";

  private static final int CHUNK = 16;

  private final ContentOptions options;

  /** Creates a trainer with the default options. */
  public ContentTrainer() {
    this(ContentOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public ContentTrainer(ContentOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public ContentOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public ContentModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    ItemFeatures features =
        ItemFeatures.build(
            train.items(),
            context.items(),
            options.maxWords(),
            options.minWordCount(),
            options.normalise());
    if (features.matrix().nnz() == 0) {
      throw new InputException(
          "content needs item metadata (categories, titles or text) but none of the "
              + train.numItems()
              + " items has any; give a dataset with item metadata (for example u.item beside"
              + " the MovieLens 100K ratings) or another algorithm.");
    }
    int numUsers = train.numUsers();
    int dim = features.size();
    SparseMatrix byUser = train.byUser();
    PreferenceFit fit = new PreferenceFit(features.matrix(), options);
    float[] theta = new float[numUsers * dim];
    int threads = options.threads() > 0 ? options.threads() : context.threads();
    ProgressListener progress = context.progress();
    Object lock = new Object();
    long[] done = new long[1];
    String task = ALGORITHM + ": users";
    progress.update(task, 0, numUsers);
    long seed = context.seed();
    Parallel.forEachChunk(
        numUsers,
        CHUNK,
        threads,
        fit::scratch,
        (from, to, s) -> {
          for (int u = from; u < to; u++) {
            if (byUser.rowNnz(u) > 0) {
              fit.fit(
                  byUser.indices(),
                  byUser.rowStart(u),
                  byUser.rowEnd(u),
                  Randoms.mix(seed, u),
                  s,
                  theta,
                  u * dim);
            }
          }
          synchronized (lock) {
            done[0] += to - from;
            progress.update(task, done[0], numUsers);
          }
        });
    double[] mean = new double[dim];
    int active = 0;
    for (int u = 0; u < numUsers; u++) {
      if (byUser.rowNnz(u) > 0) {
        active++;
        for (int f = 0; f < dim; f++) {
          mean[f] += theta[u * dim + f];
        }
      }
    }
    float[] prior = new float[dim];
    for (int f = 0; f < dim; f++) {
      prior[f] = (float) (mean[f] / active);
    }
    for (int u = 0; u < numUsers; u++) {
      if (byUser.rowNnz(u) == 0) {
        System.arraycopy(prior, 0, theta, u * dim, dim);
      }
    }
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), seed, train);
    return new ContentModel(card, train.users(), train.items(), options, features, theta, prior);
  }
}
