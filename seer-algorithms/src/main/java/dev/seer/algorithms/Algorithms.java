package dev.seer.algorithms;

import dev.seer.algorithms.als.AlsOptions;
import dev.seer.algorithms.als.AlsTrainer;
import dev.seer.algorithms.baseline.BiasedBaselineOptions;
import dev.seer.algorithms.baseline.BiasedBaselineTrainer;
import dev.seer.algorithms.baseline.PopularityOptions;
import dev.seer.algorithms.baseline.PopularityTrainer;
import dev.seer.algorithms.baseline.RandomTrainer;
import dev.seer.algorithms.blend.BlendOptions;
import dev.seer.algorithms.blend.BlendTrainer;
import dev.seer.algorithms.bpr.BprOptions;
import dev.seer.algorithms.bpr.BprTrainer;
import dev.seer.algorithms.content.ContentOptions;
import dev.seer.algorithms.content.ContentTrainer;
import dev.seer.algorithms.ease.EaseOptions;
import dev.seer.algorithms.ease.EaseTrainer;
import dev.seer.algorithms.graph.Rp3BetaOptions;
import dev.seer.algorithms.graph.Rp3BetaTrainer;
import dev.seer.algorithms.hybrid.EnsembleOptions;
import dev.seer.algorithms.hybrid.EnsembleTrainer;
import dev.seer.algorithms.hybrid.HybridOptions;
import dev.seer.algorithms.hybrid.HybridTrainer;
import dev.seer.algorithms.knn.ItemKnnOptions;
import dev.seer.algorithms.knn.ItemKnnTrainer;
import dev.seer.algorithms.knn.UserKnnOptions;
import dev.seer.algorithms.knn.UserKnnTrainer;
import dev.seer.algorithms.mf.BiasedMfOptions;
import dev.seer.algorithms.mf.BiasedMfTrainer;
import dev.seer.algorithms.mf.SvdppOptions;
import dev.seer.algorithms.mf.SvdppTrainer;
import dev.seer.api.InputException;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import dev.seer.api.TrainerProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Creates trainers by algorithm name and text options, for front ends such as {@code seer train
 * --algorithm item-knn --param neighbours=50}.
 */
public final class Algorithms {
  private static final Map<String, Function<Map<String, String>, Trainer<? extends Recommender>>>
      FACTORIES = new LinkedHashMap<>();
  private static final Map<String, Map<String, String>> DEFAULTS = new LinkedHashMap<>();

  static {
    FACTORIES.put(
        RandomTrainer.ALGORITHM,
        o -> {
          new OptionReader(RandomTrainer.ALGORITHM, o).finish();
          return new RandomTrainer();
        });
    DEFAULTS.put(RandomTrainer.ALGORITHM, Map.of());
    FACTORIES.put(
        PopularityTrainer.ALGORITHM, o -> new PopularityTrainer(PopularityOptions.parse(o)));
    DEFAULTS.put(PopularityTrainer.ALGORITHM, PopularityOptions.defaults().asMap());
    FACTORIES.put(ItemKnnTrainer.ALGORITHM, o -> new ItemKnnTrainer(ItemKnnOptions.parse(o)));
    DEFAULTS.put(ItemKnnTrainer.ALGORITHM, ItemKnnOptions.defaults().asMap());
    FACTORIES.put(
        BiasedBaselineTrainer.ALGORITHM,
        o -> new BiasedBaselineTrainer(BiasedBaselineOptions.parse(o)));
    DEFAULTS.put(BiasedBaselineTrainer.ALGORITHM, BiasedBaselineOptions.defaults().asMap());
    FACTORIES.put(BiasedMfTrainer.ALGORITHM, o -> new BiasedMfTrainer(BiasedMfOptions.parse(o)));
    DEFAULTS.put(BiasedMfTrainer.ALGORITHM, BiasedMfOptions.defaults().asMap());
    FACTORIES.put(SvdppTrainer.ALGORITHM, o -> new SvdppTrainer(SvdppOptions.parse(o)));
    DEFAULTS.put(SvdppTrainer.ALGORITHM, SvdppOptions.defaults().asMap());
    FACTORIES.put(BlendTrainer.ALGORITHM, o -> new BlendTrainer(BlendOptions.parse(o)));
    // Written out rather than BlendOptions.defaults().asMap(), which would create the components
    // while this registry is still being initialised; AlgorithmsTest checks that they agree.
    Map<String, String> blend = new LinkedHashMap<>();
    blend.put("components", BlendOptions.DEFAULT_COMPONENTS);
    blend.put("validation", "0.1");
    blend.put("ridge", "1.0E-4");
    DEFAULTS.put(BlendTrainer.ALGORITHM, blend);
    FACTORIES.put(UserKnnTrainer.ALGORITHM, o -> new UserKnnTrainer(UserKnnOptions.parse(o)));
    DEFAULTS.put(UserKnnTrainer.ALGORITHM, UserKnnOptions.defaults().asMap());
    FACTORIES.put(BprTrainer.ALGORITHM, o -> new BprTrainer(BprOptions.parse(o)));
    DEFAULTS.put(BprTrainer.ALGORITHM, BprOptions.defaults().asMap());
    FACTORIES.put(ContentTrainer.ALGORITHM, o -> new ContentTrainer(ContentOptions.parse(o)));
    DEFAULTS.put(ContentTrainer.ALGORITHM, ContentOptions.defaults().asMap());
    FACTORIES.put(AlsTrainer.ALGORITHM, o -> new AlsTrainer(AlsOptions.parse(o)));
    DEFAULTS.put(AlsTrainer.ALGORITHM, AlsOptions.defaults().asMap());
    FACTORIES.put(EaseTrainer.ALGORITHM, o -> new EaseTrainer(EaseOptions.parse(o)));
    DEFAULTS.put(EaseTrainer.ALGORITHM, EaseOptions.defaults().asMap());
    FACTORIES.put(Rp3BetaTrainer.ALGORITHM, o -> new Rp3BetaTrainer(Rp3BetaOptions.parse(o)));
    DEFAULTS.put(Rp3BetaTrainer.ALGORITHM, Rp3BetaOptions.defaults().asMap());
    // Hybrid and ensemble defaults are written out for the same reason as blend's.
    FACTORIES.put(HybridTrainer.ALGORITHM, o -> new HybridTrainer(HybridOptions.parse(o)));
    Map<String, String> hybrid = new LinkedHashMap<>();
    hybrid.put("cf", HybridOptions.DEFAULT_CF);
    hybrid.put("content", ContentTrainer.ALGORITHM);
    hybrid.put("validation", "0.2");
    hybrid.put("buckets", "3");
    hybrid.put("perBucket", "true");
    hybrid.put("cutoff", "10");
    hybrid.put("alphaSteps", "20");
    hybrid.put("minBucketUsers", "30");
    hybrid.put("maxUsers", "3000");
    DEFAULTS.put(HybridTrainer.ALGORITHM, hybrid);
    FACTORIES.put(EnsembleTrainer.ALGORITHM, o -> new EnsembleTrainer(EnsembleOptions.parse(o)));
    Map<String, String> ensemble = new LinkedHashMap<>();
    ensemble.put("components", EnsembleOptions.DEFAULT_COMPONENTS);
    ensemble.put("method", "weighted");
    ensemble.put("k", "60.0");
    ensemble.put("validation", "0.2");
    ensemble.put("cutoff", "10");
    ensemble.put("rounds", "2");
    ensemble.put("maxUsers", "3000");
    DEFAULTS.put(EnsembleTrainer.ALGORITHM, ensemble);
    // Trainers of modules above this one (seer-text's semantic model), found on the class path.
    for (TrainerProvider p : ServiceLoader.load(TrainerProvider.class)) {
      if (!FACTORIES.containsKey(p.algorithm())) {
        FACTORIES.put(p.algorithm(), p::create);
        DEFAULTS.put(p.algorithm(), p.defaults());
      }
    }
  }

  private Algorithms() {}

  /**
   * Returns the names of all algorithms, in a fixed order.
   *
   * @return names such as {@code item-knn}
   */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * Returns an algorithm's options with their default values, as text.
   *
   * @param name algorithm name
   * @return option name to default value, in documentation order
   * @throws InputException if the algorithm is unknown
   */
  public static Map<String, String> defaults(String name) {
    requireKnown(name);
    return DEFAULTS.get(name);
  }

  /**
   * Creates a trainer.
   *
   * @param name algorithm name, one of {@link #names()}
   * @param options option values as text; absent options take their defaults
   * @return the trainer
   * @throws InputException if the algorithm or an option is unknown, or a value is bad
   */
  public static Trainer<? extends Recommender> create(String name, Map<String, String> options) {
    requireKnown(name);
    return FACTORIES.get(name).apply(options == null ? Map.of() : options);
  }

  /**
   * Creates a trainer from options written as {@code name=value,name=value}.
   *
   * @param name algorithm name
   * @param options option text, possibly empty
   * @return the trainer
   * @throws InputException as {@link #create(String, Map)}, or if the text is malformed
   */
  public static Trainer<? extends Recommender> create(String name, String options) {
    return create(name, parseOptions(options));
  }

  /**
   * Parses {@code name=value} pairs separated by commas, for example {@code
   * neighbours=50,similarity=jaccard}. Spaces around names and values are ignored.
   *
   * @param text the option text, or {@code null} or blank for none
   * @return option name to value, in order
   * @throws InputException if a pair has no {@code =}, an empty name, or a repeated name
   */
  public static Map<String, String> parseOptions(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",", -1)) {
      putOption(out, part);
    }
    return out;
  }

  /**
   * Adds one {@code name=value} pair (as given to a repeated {@code --param}) to a map.
   *
   * @param options the map to add to
   * @param pair the pair
   * @throws InputException if the pair has no {@code =}, an empty name, or a name already present
   */
  public static void putOption(Map<String, String> options, String pair) {
    int eq = pair.indexOf('=');
    String key = eq < 0 ? "" : pair.substring(0, eq).trim();
    if (eq < 0 || key.isEmpty()) {
      throw new InputException(
          "The option '"
              + pair.trim()
              + "' is not of the form name=value; write for example neighbours=50.");
    }
    if (options.containsKey(key)) {
      throw new InputException("The option " + key + " is given twice; give it once.");
    }
    options.put(key, pair.substring(eq + 1).trim());
  }

  private static void requireKnown(String name) {
    if (name == null || !FACTORIES.containsKey(name)) {
      throw new InputException(
          "Unknown algorithm '"
              + name
              + "'; choose one of "
              + String.join(", ", FACTORIES.keySet())
              + ".");
    }
  }
}
