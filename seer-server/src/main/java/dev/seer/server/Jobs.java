package dev.seer.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seer.algorithms.Algorithms;
import dev.seer.api.Interactions;
import dev.seer.api.ItemInfo;
import dev.seer.api.ModelCard;
import dev.seer.api.ModelFiles;
import dev.seer.api.Recommender;
import dev.seer.api.Split;
import dev.seer.api.Trainer;
import dev.seer.api.TrainingContext;
import dev.seer.data.split.RandomSplitter;
import dev.seer.eval.EvalOptions;
import dev.seer.eval.EvalResult;
import dev.seer.eval.Evaluator;
import dev.seer.store.CatalogItem;
import dev.seer.store.ModelVersion;
import dev.seer.store.Store;
import dev.seer.text.MemoryEmbeddingCache;
import dev.seer.text.SemanticTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Training jobs run in the background, one at a time, with progress; and scheduled retraining. */
final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The state of one job, updated as it runs. */
  static final class Job {
    final long id;
    final String appId;
    final String algorithm;
    final Map<String, String> options;
    final boolean deploy;
    final boolean evaluate;
    volatile String state = "queued";
    volatile String task = "";
    volatile long done;
    volatile long total = -1;
    volatile String error;
    volatile int version;
    volatile long startedAt;
    volatile long finishedAt;

    Job(
        long id,
        String appId,
        String algorithm,
        Map<String, String> options,
        boolean deploy,
        boolean evaluate) {
      this.id = id;
      this.appId = appId;
      this.algorithm = algorithm;
      this.options = options;
      this.deploy = deploy;
      this.evaluate = evaluate;
    }

    ObjectNode json() {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", id);
      n.put("app", appId);
      n.put("algorithm", algorithm);
      n.set("options", JSON.valueToTree(options));
      n.put("deploy", deploy);
      n.put("evaluate", evaluate);
      n.put("state", state);
      n.put("task", task);
      n.put("done", done);
      n.put("total", total);
      n.put(
          "progress",
          total > 0
              ? Math.min(1.0, (double) done / total)
              : (state.equals("succeeded") ? 1.0 : 0.0));
      if (error != null) {
        n.put("error", error);
      }
      if (version > 0) {
        n.put("version", version);
      }
      n.put("startedAt", startedAt);
      n.put("finishedAt", finishedAt);
      return n;
    }
  }

  private final Store store;

  /** This server's memory cache of text embeddings (training and search), in front of the store. */
  final MemoryEmbeddingCache embeddingMemory = new MemoryEmbeddingCache(50_000);

  private final BiConsumer<String, ModelVersion> deployer;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "seer-training");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "seer-schedule");
            t.setDaemon(true);
            return t;
          });
  private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.ScheduledFuture<?>> schedules =
      new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final long seed;

  Jobs(Store store, long seed, BiConsumer<String, ModelVersion> deployer) {
    this.store = store;
    this.seed = seed;
    this.deployer = deployer;
  }

  /** Validates and queues a training job. */
  Job submit(
      String appId,
      String algorithm,
      Map<String, String> options,
      boolean deploy,
      boolean evaluate) {
    // validate the name and options now: a 400 rather than a failed job
    Algorithms.create(algorithm, options);
    Job job =
        new Job(ids.incrementAndGet(), appId, algorithm, Map.copyOf(options), deploy, evaluate);
    jobs.put(job.id, job);
    runner.submit(() -> run(job));
    return job;
  }

  Job get(long id) {
    return jobs.get(id);
  }

  List<Job> list(String appId) {
    return jobs.values().stream()
        .filter(j -> j.appId.equals(appId))
        .sorted((a, b) -> Long.compare(b.id, a.id))
        .toList();
  }

  /** Retrains every {@code seconds} (replacing an earlier schedule of the application). */
  void schedule(String appId, String algorithm, Map<String, String> options, long seconds) {
    Algorithms.create(algorithm, options);
    var old =
        schedules.put(
            appId,
            scheduler.scheduleAtFixedRate(
                () -> submit(appId, algorithm, options, true, true),
                seconds,
                seconds,
                TimeUnit.SECONDS));
    if (old != null) {
      old.cancel(false);
    }
  }

  void unschedule(String appId) {
    var old = schedules.remove(appId);
    if (old != null) {
      old.cancel(false);
    }
  }

  private void run(Job job) {
    job.state = "running";
    job.startedAt = System.currentTimeMillis();
    try {
      long snapshot = System.currentTimeMillis();
      job.task = "reading events";
      Interactions data = TrainingData.read(store, job.appId);
      if (data.size() == 0) {
        throw new IllegalStateException("the application has no events to train on");
      }
      Map<String, ItemInfo> items = new HashMap<>();
      store.forEachItem(job.appId, (CatalogItem it) -> items.put(it.info().id(), it.info()));
      Trainer<? extends Recommender> trainer = Algorithms.create(job.algorithm, job.options);
      if (trainer instanceof SemanticTrainer st) {
        // text embeddings are cached in the store, so retraining embeds only changed texts
        trainer = st.withCaches(List.of(embeddingMemory, new StoreEmbeddingCache(store)));
      }
      TrainingContext ctx =
          new TrainingContext(
              seed,
              items,
              (task, done, total) -> {
                job.task = task;
                job.done = done;
                job.total = total;
              },
              Math.max(1, Runtime.getRuntime().availableProcessors()));
      Map<String, Double> metrics = new LinkedHashMap<>();
      if (job.evaluate && data.numUsers() >= 2) {
        job.task = "evaluating on a held-out 20%";
        Split split = new RandomSplitter(0.2, seed).split(data);
        Recommender probe = trainer.fit(split.train(), ctx);
        EvalResult r =
            Evaluator.evaluate(
                job.algorithm,
                probe,
                split,
                new EvalOptions(new int[] {10, 20}, null, 0, seed, ctx.threads()),
                items,
                ctx.progress());
        for (String m : r.allMetrics()) {
          if (Double.isFinite(r.mean(m))) {
            metrics.put(m, r.mean(m));
          }
        }
        metrics.put("evaluatedUsers", (double) r.users().length);
      }
      Recommender model = trainer.fit(data, ctx);
      ModelCard card = model.card().withMetrics(metrics);
      Path tmp = Files.createTempFile("seer-train", ".seer");
      byte[] bytes;
      try {
        ModelFiles.save(tmp, model, data.byUser(), card);
        bytes = Files.readAllBytes(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
      ModelVersion v =
          store.saveModel(job.appId, card.algorithm(), cardJson(card, data), bytes, snapshot);
      job.version = v.version();
      if (job.deploy) {
        job.task = "deploying";
        deployer.accept(job.appId, v);
      }
      job.task = "done";
      job.state = "succeeded";
      LOG.info(
          "trained {} v{} for {} on {} rows", job.algorithm, v.version(), job.appId, data.size());
    } catch (Exception e) {
      job.state = "failed";
      job.error = e.getMessage();
      LOG.warn("training job {} for {} failed: {}", job.id, job.appId, e.toString());
    } finally {
      job.finishedAt = System.currentTimeMillis();
    }
  }

  static String cardJson(ModelCard card, Interactions data) {
    ObjectNode n = JSON.createObjectNode();
    n.put("algorithm", card.algorithm());
    n.set("options", JSON.valueToTree(new java.util.TreeMap<>(card.options())));
    n.put("seed", card.seed());
    n.put("dataFingerprint", card.dataFingerprint());
    n.set("metrics", JSON.valueToTree(new LinkedHashMap<>(card.metrics())));
    n.put("seerVersion", card.seerVersion());
    n.put("createdAt", card.createdAt().toString());
    n.put("rows", data.size());
    n.put("users", data.numUsers());
    n.put("items", data.numItems());
    return n.toString();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    runner.shutdownNow();
  }
}
