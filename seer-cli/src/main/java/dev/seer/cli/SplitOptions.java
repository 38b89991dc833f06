package dev.seer.cli;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import dev.seer.api.Split;
import dev.seer.data.split.KFold;
import dev.seer.data.split.LeaveLastKSplitter;
import dev.seer.data.split.RandomSplitter;
import dev.seer.data.split.Splitter;
import dev.seer.data.split.TemporalSplitter;
import dev.seer.data.split.UserHoldoutSplitter;
import dev.seer.data.split.Validation;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options that say how to split a dataset. */
final class SplitOptions {
  @Option(
      names = "--split",
      paramLabel = "METHOD",
      defaultValue = "random",
      description =
          "random (per-user ratio, default), temporal (global cut by time), loo (leave last one"
              + " out), last-k, user-holdout (strong generalisation) or kfold.")
  String method;

  @Option(
      names = "--test-ratio",
      paramLabel = "R",
      defaultValue = "0.2",
      description = "Share of rows (per user, or of held-out users' rows) in the test part.")
  double testRatio;

  @Option(
      names = "--k",
      paramLabel = "K",
      defaultValue = "5",
      description = "K for last-k (rows per user in test) and kfold (number of folds).")
  int k;

  @Option(
      names = "--fold",
      paramLabel = "N",
      defaultValue = "1",
      description = "Which fold (1..k) to use with kfold.")
  int fold;

  @Option(
      names = "--holdout-users",
      paramLabel = "R",
      defaultValue = "0.1",
      description = "Share of users held out with user-holdout.")
  double holdoutUsers;

  @Option(
      names = "--validation",
      paramLabel = "R",
      defaultValue = "0",
      description = "Share of each user's training rows moved to a validation part (0 = none).")
  double validation;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Random seed for splitting and training.")
  long seed;

  /** Splits the data as asked; for kfold, returns the chosen fold. */
  Split split(Interactions data) {
    Split s;
    if (method.toLowerCase(Locale.ROOT).equals("kfold")) {
      List<Split> folds = new KFold(k, seed).folds(data);
      if (fold < 1 || fold > folds.size()) {
        throw new InputException(
            "--fold " + fold + " is outside 1.." + folds.size() + "; pick a fold in that range.");
      }
      s = folds.get(fold - 1);
    } else {
      s = splitter().split(data);
    }
    return validation > 0 ? Validation.carve(s, validation, seed) : s;
  }

  /** All folds for kfold, or the single split otherwise. */
  List<Split> splits(Interactions data) {
    if (method.toLowerCase(Locale.ROOT).equals("kfold")) {
      List<Split> folds = new KFold(k, seed).folds(data);
      return validation > 0
          ? folds.stream().map(s -> Validation.carve(s, validation, seed)).toList()
          : folds;
    }
    return List.of(split(data));
  }

  private Splitter splitter() {
    switch (method.toLowerCase(Locale.ROOT)) {
      case "random":
        return new RandomSplitter(testRatio, seed);
      case "temporal":
        return new TemporalSplitter(testRatio);
      case "loo":
        return new LeaveLastKSplitter(1);
      case "last-k":
        return new LeaveLastKSplitter(k);
      case "user-holdout":
        return new UserHoldoutSplitter(holdoutUsers, testRatio, seed);
      default:
        throw new InputException(
            "Unknown split method '"
                + method
                + "'; use random, temporal, loo, last-k, user-holdout or kfold.");
    }
  }
}
