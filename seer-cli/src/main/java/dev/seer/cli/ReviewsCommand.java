package dev.seer.cli;

import dev.seer.api.Dataset;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.text.Embedders;
import dev.seer.text.review.Keyphrases;
import dev.seer.text.review.ReviewDigest;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seer reviews --data FILE --item ID}: keyphrases, aspect sentiment and a summary. */
@Command(
    name = "reviews",
    mixinStandardHelpOptions = true,
    description =
        "Summarise an item's reviews: the share the lexicon reads as positive, keyphrases with"
            + " the sentiment of the sentences that mention them, and an extractive TextRank"
            + " summary, e.g. seer reviews --data"
            + " ../shared/data/amazon-2014-musical-instruments-5core --item B0002E1G5C.")
public final class ReviewsCommand implements Callable<Integer> {
  @Mixin DataOptions dataOptions;

  @Option(names = "--item", required = true, paramLabel = "ID", description = "The item id.")
  String item;

  @Option(
      names = "--phrases",
      defaultValue = "10",
      description = "How many keyphrases (default 10).")
  int phrases;

  @Option(
      names = "--sentences",
      defaultValue = "3",
      description = "How many summary sentences (default 3).")
  int sentences;

  @Option(
      names = "--embedder",
      defaultValue = "minilm",
      description = "Sentence embedder for the summary: minilm (default) or hash-<dim>.")
  String embedder;

  @Override
  public Integer call() {
    if (phrases < 1 || phrases > 100 || sentences < 1 || sentences > 20) {
      throw new InputException("--phrases must be 1 to 100 and --sentences 1 to 20.");
    }
    PrintStream o = System.out;
    Dataset ds;
    try (CliProgress progress = new CliProgress(System.err)) {
      ds = dataOptions.read(progress, o);
    }
    ItemInfo info = ds.items().get(item);
    if (info == null || info.text().isBlank()) {
      throw new InputException(
          "Item '"
              + item
              + "' has no review text in "
              + dataOptions.data
              + "; give an item id of a dataset with reviews (Amazon JSON lines).");
    }
    ReviewDigest d =
        ReviewDigest.of(
            ReviewDigest.split(info.text()), Embedders.create(embedder), phrases, sentences);
    o.printf(
        Locale.ROOT,
        "%s: %d reviews, %d read as positive by the lexicon (%.0f%%)%n",
        item,
        d.reviews(),
        d.positive(),
        100.0 * d.positive() / Math.max(1, d.reviews()));
    TextTable t = new TextTable("keyphrase", "count", "score", "sentiment");
    for (Keyphrases.Phrase p : d.keyphrases()) {
      t.add(p.phrase(), p.count(), p.score(), p.sentiment());
    }
    o.print(t);
    o.println("summary:");
    for (String s : d.summary()) {
      o.println("  - " + s);
    }
    return 0;
  }
}
