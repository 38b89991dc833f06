package dev.seer.cli;

import dev.seer.api.InputException;
import dev.seer.api.Recommender;
import dev.seer.api.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which algorithms to run, with their options. */
final class AlgorithmOptions {
  @Option(
      names = {"--algorithms", "-a"},
      paramLabel = "NAMES",
      split = ",",
      defaultValue = "random,popularity,item-knn",
      description = "Comma-separated algorithms (default: random,popularity,item-knn).")
  List<String> algorithms;

  @Option(
      names = "--param",
      paramLabel = "ALGO.KEY=VALUE",
      description = "An algorithm option, e.g. item-knn.neighbours=50 (repeatable).")
  List<String> params = new ArrayList<>();

  /** A named trainer to run. */
  record Spec(String name, Trainer<? extends Recommender> trainer) {}

  List<Spec> specs() {
    Map<String, Map<String, String>> byAlgo = new LinkedHashMap<>();
    for (String p : params) {
      int dot = p.indexOf('.');
      int eq = p.indexOf('=');
      if (dot < 1 || eq < dot + 2 || eq == p.length() - 1) {
        throw new InputException(
            "--param '" + p + "' is not ALGO.KEY=VALUE; for example item-knn.neighbours=50.");
      }
      String algo = p.substring(0, dot);
      if (!algorithms.contains(algo)) {
        throw new InputException(
            "--param '"
                + p
                + "' names algorithm '"
                + algo
                + "', which is not in --algorithms "
                + algorithms
                + ".");
      }
      byAlgo
          .computeIfAbsent(algo, a -> new LinkedHashMap<>())
          .put(p.substring(dot + 1, eq), p.substring(eq + 1));
    }
    List<Spec> specs = new ArrayList<>();
    for (String a : algorithms) {
      specs.add(new Spec(a, Trainers.create(a, byAlgo.getOrDefault(a, Map.of()))));
    }
    return specs;
  }
}
