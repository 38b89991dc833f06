package dev.seer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seer.api.InputException;
import dev.seer.eval.Machine;
import dev.seer.text.review.Classification;
import dev.seer.text.review.LexiconSentiment;
import dev.seer.text.review.SentimentModel;
import dev.seer.text.review.SentimentOptions;
import dev.seer.text.review.SentimentTrainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seer bench sentiment}: review sentiment from text, labels from ratings. */
@Command(
    name = "sentiment",
    mixinStandardHelpOptions = true,
    description =
        "Review sentiment on Amazon Musical Instruments: labels from ratings (4-5 positive, 1-2"
            + " negative, 3 left out), a seeded 80/20 split of the reviews; logistic regression on"
            + " hashed n-grams against the lexicon baseline and the majority class; accuracy and"
            + " macro-F1 on the held-out part. Writes JSON.")
public final class BenchSentimentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--amazon",
      defaultValue =
          "../shared/data/amazon-2014-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz",
      paramLabel = "FILE",
      description = "Amazon 2014 reviews, JSON lines, gzip (default ${DEFAULT-VALUE}).")
  Path amazon;

  @Option(names = "--test-ratio", defaultValue = "0.2", description = "Held-out share.")
  double testRatio;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the split and training.")
  long seed;

  @Option(
      names = "--out",
      defaultValue = "seer-output/sentiment.json",
      paramLabel = "FILE",
      description = "The JSON file to write (default ${DEFAULT-VALUE}).")
  Path out;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws IOException {
    if (!(testRatio > 0 && testRatio < 1)) {
      throw new InputException("--test-ratio " + testRatio + " must be between 0 and 1.");
    }
    if (!Files.isRegularFile(amazon)) {
      throw new InputException(amazon + " does not exist; pass --amazon FILE.");
    }
    PrintStream o = System.out;
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<String> texts = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    int neutral = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(amazon)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        int label = SentimentTrainer.label(n.path("overall").asDouble());
        if (label < 0) {
          neutral++;
          continue;
        }
        String summary = n.path("summary").asText("");
        String text = n.path("reviewText").asText("");
        texts.add(summary.isBlank() ? text : summary.strip() + ". " + text);
        labels.add(label == 1);
      }
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> trainX = new ArrayList<>();
    List<Boolean> trainY = new ArrayList<>();
    List<String> testX = new ArrayList<>();
    List<Boolean> testY = new ArrayList<>();
    for (int k = 0; k < texts.size(); k++) {
      if (rnd.nextDouble() < testRatio) {
        testX.add(texts.get(k));
        testY.add(labels.get(k));
      } else {
        trainX.add(texts.get(k));
        trainY.add(labels.get(k));
      }
    }
    boolean[] ytr = toArray(trainY);
    boolean[] yte = toArray(testY);
    SentimentOptions options = SentimentOptions.defaults(seed);
    long t0 = System.nanoTime();
    SentimentModel model = new SentimentTrainer(options).fit(trainX, ytr);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    boolean[] lr = new boolean[yte.length];
    boolean[] lex = new boolean[yte.length];
    boolean[] majority = new boolean[yte.length];
    int posTrain = 0;
    for (boolean b : ytr) {
      posTrain += b ? 1 : 0;
    }
    boolean major = posTrain * 2 >= ytr.length;
    for (int k = 0; k < yte.length; k++) {
      lr[k] = model.isPositive(testX.get(k));
      lex[k] = LexiconSentiment.isPositive(testX.get(k));
      majority[k] = major;
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("benchmark", "review sentiment (dev.seer.text.review)");
    root.put("command", CommandLines.of(spec));
    root.put("date", Instant.now().toString());
    root.put("data", amazon.getFileName().toString());
    root.put(
        "protocol",
        "labels from ratings: 4-5 stars positive, 1-2 negative, 3 left out; each review goes to"
            + " the test part with probability "
            + testRatio
            + " (seeded); the classifier is trained on the rest with its default options (not"
            + " tuned on the test part); text = summary + review");
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("reviews", texts.size() + neutral);
    counts.put("neutralLeftOut", neutral);
    counts.put("train", ytr.length);
    counts.put("trainPositive", posTrain);
    counts.put("test", yte.length);
    int posTest = 0;
    for (boolean b : yte) {
      posTest += b ? 1 : 0;
    }
    counts.put("testPositive", posTest);
    root.put("counts", counts);
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put(
        "features", "hashed unigrams and bigrams of negation-marked tokens, 2^" + options.bits());
    opts.put("epochs", options.epochs());
    opts.put("learningRate", options.learningRate());
    opts.put("l2", options.l2());
    opts.put("balanced", options.balanced());
    root.put("logisticRegression", opts);
    root.put("trainSeconds", Math.round(trainSeconds * 100) / 100.0);
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("logistic-regression", scores(yte, lr));
    results.put("lexicon", scores(yte, lex));
    results.put("majority-class", scores(yte, majority));
    root.put("results", results);
    Map<String, Object> machine = new LinkedHashMap<>(Machine.describe());
    machine.put("loadAverageBefore", loadBefore);
    machine.put(
        "loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    machine.put("note", "a shared 2-core machine; other engineers' builds ran at the same time");
    root.put("machine", machine);
    Path abs = out.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(abs.toFile(), root);
    for (Map.Entry<String, Object> e : results.entrySet()) {
      o.println(e.getKey() + ": " + e.getValue());
    }
    o.println("wrote " + out);
    return 0;
  }

  private static Map<String, Object> scores(boolean[] truth, boolean[] predicted) {
    Classification c = Classification.of(truth, predicted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy", round(c.accuracy()));
    m.put("macroF1", round(c.macroF1()));
    m.put("f1Positive", round(c.f1Positive()));
    m.put("f1Negative", round(c.f1Negative()));
    return m;
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  private static boolean[] toArray(List<Boolean> list) {
    boolean[] a = new boolean[list.size()];
    for (int k = 0; k < a.length; k++) {
      a[k] = list.get(k);
    }
    return a;
  }
}
