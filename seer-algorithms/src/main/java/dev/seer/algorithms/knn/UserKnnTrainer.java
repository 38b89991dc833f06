package dev.seer.algorithms.knn;

import dev.seer.algorithms.Checks;
import dev.seer.algorithms.Parallel;
import dev.seer.api.Interactions;
import dev.seer.api.ModelCard;
import dev.seer.api.ProgressListener;
import dev.seer.api.SparseMatrix;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import java.util.Objects;

/**
 * Trains {@link UserKnnModel}s (algorithm {@value #ALGORITHM}): user-based collaborative filtering
 * (J. L. Herlocker, J. A. Konstan, A. Borchers and J. Riedl, "An Algorithmic Framework for
 * Performing Collaborative Filtering", SIGIR 1999), with the cosine similarity of user vectors.
 *
 * <p>The vector of user {@code u} has {@code x(u, i)} = 1 for each of their items, or the rating
 * with {@code useRatings}, minus the user's mean rating with {@code meanCentring}. The similarity
 * of users {@code u} and {@code v} is {@code cos(x_u, x_v) * n / (n + shrinkage)}, where {@code n}
 * is the number of items both have; each user keeps the {@code neighbours} users with the largest
 * non-zero similarity (ties to the lower index). Dot products are accumulated sparsely through the
 * items' user lists, so the cost is the sum over items of their user count squared. Users are
 * processed in fixed chunks on several threads; each user's neighbours depend only on the data, so
 * the model is the same for any thread count.
 */
public final class UserKnnTrainer implements Trainer<UserKnnModel> {
  /** The algorithm name. */
  public static final String ALGORITHM = "user-knn";

  private static final int CHUNK = 32;

  private final UserKnnOptions options;

  /** Creates a trainer with the default options. */
  public UserKnnTrainer() {
    this(UserKnnOptions.defaults());
  }

  /**
   * Creates a trainer.
   *
   * @param options the options
   */
  public UserKnnTrainer(UserKnnOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public UserKnnOptions options() {
    return options;
  }

  @Override
  public String algorithm() {
    return ALGORITHM;
  }

  @Override
  public UserKnnModel fit(Interactions train, TrainingContext context) {
    Checks.requireNonEmpty(train, ALGORITHM);
    if (options.meanCentring()) {
      Checks.requireRatings(train, "user-knn with meanCentring=true");
    }
    UserVectors vec = new UserVectors(train.byUser(), options);
    int numUsers = train.numUsers();
    SparseMatrix x = vec.byUser;
    int[][] rowIdx = new int[numUsers][];
    float[][] rowVal = new float[numUsers][];
    int threads = options.threads() > 0 ? options.threads() : context.threads();
    ProgressListener progress = context.progress();
    Object lock = new Object();
    long[] done = new long[1];
    String task = ALGORITHM + ": similarities";
    progress.update(task, 0, numUsers);
    Parallel.forEachChunk(
        numUsers,
        CHUNK,
        threads,
        () -> new UserVectors.Scratch(numUsers),
        (from, to, s) -> {
          for (int u = from; u < to; u++) {
            TopNeighbours.Kept kept =
                vec.neighbours(
                    x.indices(), x.values(), x.rowStart(u), x.rowEnd(u), vec.norms[u], u, s);
            rowIdx[u] = kept.indices();
            rowVal[u] = kept.values();
          }
          synchronized (lock) {
            done[0] += to - from;
            progress.update(task, done[0], numUsers);
          }
        });
    int[] ptr = new int[numUsers + 1];
    for (int u = 0; u < numUsers; u++) {
      ptr[u + 1] = ptr[u] + rowIdx[u].length;
    }
    int[] idx = new int[ptr[numUsers]];
    float[] val = new float[ptr[numUsers]];
    for (int u = 0; u < numUsers; u++) {
      System.arraycopy(rowIdx[u], 0, idx, ptr[u], rowIdx[u].length);
      System.arraycopy(rowVal[u], 0, val, ptr[u], rowVal[u].length);
    }
    SparseMatrix neighbours = new SparseMatrix(numUsers, numUsers, ptr, idx, val);
    ModelCard card = ModelCard.create(ALGORITHM, options.asMap(), context.seed(), train);
    return new UserKnnModel(card, train.users(), train.items(), options, neighbours, vec);
  }
}
