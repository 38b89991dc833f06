package dev.seer.cli;

import dev.seer.api.Explainable;
import dev.seer.api.InputException;
import dev.seer.api.ItemInfo;
import dev.seer.api.Reason;
import dev.seer.api.Recommender;
import dev.seer.api.SavedModel;
import dev.seer.text.explain.Evidence;
import dev.seer.text.explain.LlmClient;
import dev.seer.text.explain.LlmExplainer;
import dev.seer.text.explain.LlmOptions;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code seer explain --model FILE --user ID --item ID}: why an item is recommended to a user, as
 * the model's reasons and one sentence (a template, or written by an optional LLM from the same
 * evidence).
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain one recommendation: the model's reasons and a sentence. The sentence comes from a"
            + " template, or, with --llm-url and --llm-model (key in the environment variable"
            + " SEER_LLM_KEY), from an OpenAI-compatible chat API given only the structured"
            + " evidence; the user's own items are sent only with --llm-personal-data, and the"
            + " template is used whenever the LLM fails, is slow, or is over --llm-max-tokens.")
public final class ExplainCommand implements Callable<Integer> {
  @Mixin ModelOptions modelOptions;

  @Option(names = "--user", required = true, paramLabel = "ID", description = "The user.")
  String user;

  @Option(names = "--item", required = true, paramLabel = "ID", description = "The item.")
  String item;

  @Option(
      names = "--llm-url",
      paramLabel = "URL",
      description = "Chat API base, e.g. https://host/v1.")
  URI llmUrl;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "The LLM model name.")
  String llmModel;

  @Option(
      names = "--llm-timeout-ms",
      defaultValue = "10000",
      description = "Timeout per LLM request (default 10000).")
  long timeoutMs;

  @Option(
      names = "--llm-max-tokens",
      defaultValue = "100000",
      description = "Cap on LLM tokens for this run (default 100000).")
  long maxTokens;

  @Option(
      names = "--llm-personal-data",
      description = "Allow sending the titles of the user's own items to the LLM.")
  boolean personal;

  @Override
  public Integer call() {
    PrintStream o = System.out;
    SavedModel saved = modelOptions.load();
    Recommender model = saved.model();
    int u = model.users().index(user);
    if (u < 0) {
      throw new InputException("User '" + user + "' is not in the model's training data.");
    }
    int i = model.items().index(item);
    if (i < 0) {
      throw new InputException("Item '" + item + "' is not in the model's catalogue.");
    }
    Map<String, ItemInfo> meta;
    try (CliProgress progress = new CliProgress(System.err)) {
      meta = modelOptions.itemInfo(progress, new PrintStream(PrintStream.nullOutputStream()));
    }
    List<Reason> reasons = model instanceof Explainable e ? e.explain(u, i, 6) : List.of();
    List<String> liked = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    boolean popular = false;
    for (Reason r : reasons) {
      switch (r.kind()) {
        case "item" -> liked.add(Explanations.title(model.items(), r.item(), meta));
        case "feature" -> terms.add(r.feature().substring(r.feature().indexOf(':') + 1));
        case "popularity" -> popular = true;
        default -> {}
      }
    }
    Evidence ev =
        new Evidence(Explanations.title(model.items(), i, meta), liked, terms, List.of(), popular);
    LlmClient client = null;
    if (llmUrl != null || llmModel != null) {
      if (llmUrl == null || llmModel == null) {
        throw new InputException("Give both --llm-url and --llm-model, or neither.");
      }
      String key = System.getenv("SEER_LLM_KEY");
      client =
          new LlmClient(
              new LlmOptions(
                  llmUrl,
                  key,
                  llmModel,
                  Duration.ofMillis(Math.max(1, timeoutMs)),
                  2,
                  Duration.ofMillis(500),
                  maxTokens,
                  80,
                  personal,
                  1000));
    }
    o.println("reasons: " + Explanations.describe(reasons, model.items(), meta));
    LlmExplainer.Explanation x = new LlmExplainer(client).explain(ev);
    o.println("sentence (" + x.source() + "): " + x.text());
    if (client != null && !x.fallbackReason().isEmpty()) {
      o.println("the LLM was not used: " + x.fallbackReason());
    }
    return 0;
  }
}
