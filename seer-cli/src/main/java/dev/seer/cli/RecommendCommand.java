package dev.seer.cli;

import dev.seer.api.FoldIn;
import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.api.Ranker;
import dev.seer.api.Ranking;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seer recommend}: top-N for one user (known, or described by a list of items). */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description =
        "Recommend items for a user of the training data (--user) or for a new user described by"
            + " items they liked (--items), with the reasons when the model has them.")
public final class RecommendCommand implements Callable<Integer> {
  @Mixin ModelOptions modelOptions;

  @Option(names = "--user", paramLabel = "ID", description = "A user id from the training data.")
  String user;

  @Option(
      names = "--items",
      split = ",",
      paramLabel = "IDS",
      description = "Items a new user liked (comma-separated ids).")
  List<String> items;

  @Option(
      names = {"-n", "--n"},
      defaultValue = "10",
      paramLabel = "N",
      description = "How many items (default 10, at most 1000).")
  int n;

  @Option(
      names = "--exclude",
      split = ",",
      paramLabel = "IDS",
      description = "Item ids never to recommend.")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--explain", description = "Show why each item was recommended.")
  boolean explain;

  @Override
  public Integer call() {
    if (n < 1 || n > 1000) {
      throw new InputException("-n " + n + " is out of range; use 1 to 1000.");
    }
    if ((user == null) == (items == null)) {
      throw new InputException("Give exactly one of --user ID or --items ID,ID,...");
    }
    PrintStream o = System.out;
    SavedModel saved = modelOptions.load();
    Recommender model = saved.model();
    IdIndex itemIndex = model.items();
    Map<String, ItemInfo> meta;
    try (CliProgress progress = new CliProgress(System.err)) {
      meta = modelOptions.itemInfo(progress, o);
    }
    Set<Integer> excluded = new HashSet<>();
    for (String id : exclude) {
      excluded.add(index(itemIndex, id, "--exclude"));
    }
    IntPredicate ex = excluded::contains;
    Ranking ranking;
    int u = -1;
    if (user != null) {
      u = model.users().index(user);
      if (u < 0) {
        throw new InputException(
            "User '"
                + user
                + "' is not in the model's training data; use --items to describe a new user.");
      }
      ranking = Ranker.recommend(model, u, n, saved.seen(), ex);
    } else {
      if (!(model instanceof FoldIn f)) {
        throw new InputException(
            model.card().algorithm()
                + " models cannot score new users from items; train item-knn, popularity,"
                + " biased-mf or svdpp.");
      }
      int[] idx = new int[items.size()];
      Set<Integer> given = new HashSet<>();
      for (int k = 0; k < idx.length; k++) {
        idx[k] = index(itemIndex, items.get(k), "--items");
        given.add(idx[k]);
      }
      float[] scores = new float[itemIndex.size()];
      // Only which items the user has is known, not their ratings: null values, so that rating
      // models do not read the items as ratings of 1 (item-knn treats null as all ones).
      f.scoreItems(idx, null, scores);
      ranking = Ranker.topN(scores, n, ex.or(given::contains));
    }
    TextTable t =
        explain
            ? new TextTable("rank", "item", "title", "score", "why")
            : new TextTable("rank", "item", "title", "score");
    for (int r = 0; r < ranking.size(); r++) {
      int i = ranking.items()[r];
      String title = Explanations.title(itemIndex, i, meta);
      if (explain) {
        t.add(
            r + 1,
            itemIndex.id(i),
            title,
            (double) ranking.scores()[r],
            Explanations.reasons(model, u, i, meta));
      } else {
        t.add(r + 1, itemIndex.id(i), title, (double) ranking.scores()[r]);
      }
    }
    o.print(t);
    return 0;
  }

  private static int index(IdIndex items, String id, String option) {
    int i = items.index(id);
    if (i < 0) {
      throw new InputException(option + ": item '" + id + "' is not in the model's catalogue.");
    }
    return i;
  }
}
