package dev.seer.algorithms.baseline;

import dev.seer.api.Explainable;
import dev.seer.api.IdIndex;
import dev.seer.api.ModelCard;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import java.util.List;

/**
 * Scores items at random, as a floor for every metric. The score of (user, item) is a hash of the
 * seed, the user and the item, so the model is tiny, deterministic and thread-safe.
 */
public final class RandomModel implements Recommender, Explainable {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final ModelCard card;
  private final IdIndex users;
  private final IdIndex items;
  private final long seed;

  RandomModel(ModelCard card, IdIndex users, IdIndex items, long seed) {
    this.card = card;
    this.users = users;
    this.items = items;
    this.seed = seed;
  }

  /**
   * Returns the seed the scores derive from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the score of one item for one user, uniform in {@code [0, 1)}.
   *
   * @param user user index
   * @param item item index
   * @return the score
   */
  public float scoreOf(int user, int item) {
    return scoreOf(userKey(user), item);
  }

  private long userKey(int user) {
    return mix(seed + GOLDEN * (user + 1L));
  }

  private static float scoreOf(long userKey, int item) {
    long h = mix(userKey ^ (GOLDEN * (item + 1L)));
    return (h >>> 40) * 0x1.0p-24f;
  }

  /** The SplitMix64 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public ModelCard card() {
    return card;
  }

  @Override
  public IdIndex users() {
    return users;
  }

  @Override
  public IdIndex items() {
    return items;
  }

  @Override
  public void score(int user, float[] out) {
    long key = userKey(user);
    for (int i = 0; i < out.length; i++) {
      out[i] = scoreOf(key, i);
    }
  }

  @Override
  public List<Reason> explain(int user, int item, int max) {
    if (max <= 0) {
      return List.of();
    }
    return List.of(new Reason("random", -1, "", scoreOf(user, item)));
  }
}
