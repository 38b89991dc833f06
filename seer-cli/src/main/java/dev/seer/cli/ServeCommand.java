package dev.seer.cli;

import dev.seer.api.InputException;
import dev.seer.data.io.DatasetReaders;
import dev.seer.data.io.ReadOptions;
import dev.seer.server.DatasetImport;
import dev.seer.server.Limits;
import dev.seer.server.SeerServer;
import dev.seer.server.ServerConfig;
import dev.seer.store.NewKey;
import dev.seer.store.Role;
import dev.seer.store.Store;
import dev.seer.text.explain.LlmOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seer serve}: the HTTP server. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve recommendations over HTTP (JSON under /v1, OpenAPI at /openapi.json). With no"
            + " options the store is an embedded SQLite file; --db jdbc:postgresql://... uses"
            + " PostgreSQL.")
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description = "Address to bind (default 127.0.0.1).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "Port (default 8080; 0 for any free port).")
  int port;

  @Option(
      names = "--db",
      defaultValue = "jdbc:sqlite:seer-state/seer.db",
      paramLabel = "URL",
      description = "JDBC URL of the store (default jdbc:sqlite:seer-state/seer.db).")
  String db;

  @Option(
      names = "--root-key-file",
      defaultValue = "seer-state/root.key",
      paramLabel = "FILE",
      description =
          "The operator's key for creating applications; read from SEER_ROOT_KEY, else this file,"
              + " created with a random key when missing (default seer-state/root.key).")
  Path rootKeyFile;

  @Option(
      names = "--load-demo",
      paramLabel = "DIR",
      description =
          "Create the application 'demo' from MovieLens latest-small in DIR (items and ratings),"
              + " train item-knn and deploy it, unless 'demo' exists already.")
  Path demo;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Seed for training jobs.")
  long seed;

  @Option(
      names = "--llm-url",
      defaultValue = "${env:SEER_LLM_URL}",
      paramLabel = "URL",
      description =
          "Base URL of an OpenAI-compatible chat API (e.g. https://host/v1; default from"
              + " SEER_LLM_URL) for ?sentence=llm explanations and ?rerank=llm; none by default.")
  URI llmUrl;

  @Option(
      names = "--llm-model",
      defaultValue = "${env:SEER_LLM_MODEL}",
      paramLabel = "NAME",
      description = "The LLM model name (default from SEER_LLM_MODEL).")
  String llmModel;

  @Option(
      names = "--llm-key-env",
      defaultValue = "SEER_LLM_KEY",
      paramLabel = "VAR",
      description = "Environment variable holding the LLM API key (default SEER_LLM_KEY).")
  String llmKeyEnv;

  @Option(
      names = "--llm-timeout-ms",
      defaultValue = "10000",
      paramLabel = "MS",
      description = "Timeout of one LLM request in milliseconds (default 10000).")
  long llmTimeoutMs;

  @Option(
      names = "--llm-retries",
      defaultValue = "2",
      paramLabel = "N",
      description = "Retries after a timeout, 429 or 5xx (0 to 5, default 2).")
  int llmRetries;

  @Option(
      names = "--llm-calls-per-minute",
      defaultValue = "60",
      paramLabel = "N",
      description = "Cost cap: the most LLM requests in any minute, 0 for no limit (default 60).")
  int llmCallsPerMinute;

  @Option(
      names = "--llm-max-tokens",
      defaultValue = "100000",
      paramLabel = "N",
      description =
          "Cost cap: total tokens after which the LLM is no longer asked (default 100000).")
  long llmMaxTokens;

  @Option(
      names = "--llm-personal-data",
      description = "Allow sending titles of the user's own items to the LLM (off by default).")
  boolean llmPersonalData;

  @Option(
      names = "--max-model-mib",
      defaultValue = "512",
      paramLabel = "MIB",
      description =
          "Largest model file POST /v1/apps/{app}/models/upload takes, in MiB (default 512; other"
              + " request bodies stay limited to 8 MiB).")
  long maxModelMib;

  @Override
  public Integer call() throws Exception {
    PrintStream o = System.out;
    if (maxModelMib < 1 || maxModelMib > 900) {
      throw new InputException(
          "--max-model-mib "
              + maxModelMib
              + " is not valid; give 1 to 900 (the store keeps a model in one value, which SQLite"
              + " limits to 10^9 bytes).");
    }
    Limits limits = Limits.defaults().withMaxModelBytes(maxModelMib << 20);
    String rootKey = rootKey();
    boolean loaded = demo != null && loadDemo(o);
    SeerServer server =
        SeerServer.start(new ServerConfig(host, port, db, rootKey, limits, seed, llmOptions()));
    if (loaded) {
      long job = server.train("demo", "item-knn", java.util.Map.of(), true);
      o.println(
          "training item-knn for 'demo' in the background (job "
              + job
              + "); recommendations are served once it is deployed");
    }
    String url = "http://" + host + ":" + server.port();
    o.println(
        "Seer server on "
            + url
            + " (store: "
            + db.replaceAll("password=[^&]*", "password=***")
            + ")");
    o.println(
        "root key: "
            + (System.getenv("SEER_ROOT_KEY") != null
                ? "from SEER_ROOT_KEY"
                : rootKeyFile.toAbsolutePath()));
    o.println("try:  curl " + url + "/health");
    o.println(
        "      curl -H \"Authorization: Bearer $(cat "
            + rootKeyFile
            + ")\" -d '{\"id\":\"shop\"}' "
            + url
            + "/v1/apps");
    if (llmOptions() != null) {
      o.println(
          "LLM:  "
              + llmUrl
              + " model "
              + llmModel
              + " (key from "
              + llmKeyEnv
              + "; ?sentence=llm and ?rerank=llm; the template and the model's own order stand in"
              + " on any failure)");
    }
    o.println("API:  " + url + "/openapi.json; stop with Ctrl-C");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }

  /** The LLM settings, or {@code null} when no endpoint is configured. */
  LlmOptions llmOptions() {
    boolean url = llmUrl != null && !llmUrl.toString().isBlank();
    boolean model = llmModel != null && !llmModel.isBlank();
    if (!url && !model) {
      return null;
    }
    if (!url || !model) {
      throw new InputException(
          "Give both --llm-url and --llm-model (or SEER_LLM_URL and SEER_LLM_MODEL), or"
              + " neither.");
    }
    if (llmTimeoutMs < 1) {
      throw new InputException("--llm-timeout-ms must be positive, got " + llmTimeoutMs + ".");
    }
    String key = System.getenv(llmKeyEnv);
    return new LlmOptions(
        llmUrl,
        key == null ? "" : key.trim(),
        llmModel,
        Duration.ofMillis(llmTimeoutMs),
        llmRetries,
        Duration.ofMillis(500),
        llmMaxTokens,
        80,
        llmPersonalData,
        10_000,
        llmCallsPerMinute);
  }

  private boolean loadDemo(PrintStream o) {
    try (CliProgress progress = new CliProgress(System.err);
        Store store = Store.open(db)) {
      if (store.app("demo").isPresent()) {
        o.println("application 'demo' exists already; not loading it again");
        return false;
      }
      var read = DatasetReaders.read(demo, "auto", ReadOptions.strict(), progress);
      store.createApp("demo", "MovieLens demo");
      NewKey admin = store.createKey("demo", Role.ADMIN);
      long n = DatasetImport.load(store, "demo", read.dataset(), progress);
      o.println(
          "loaded " + n + " events and " + read.dataset().items().size() + " items into 'demo'");
      o.println("demo admin key (shown once): " + admin.secret());
      o.println(
          "try: curl -H 'Authorization: Bearer "
              + admin.secret()
              + "' 'http://"
              + host
              + ":"
              + port
              + "/v1/apps/demo/recommendations?user=1&n=5&explain=true'");
      return true;
    }
  }

  private String rootKey() throws IOException {
    String env = System.getenv("SEER_ROOT_KEY");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    if (Files.isRegularFile(rootKeyFile)) {
      String k = Files.readString(rootKeyFile).trim();
      if (k.length() < 16) {
        throw new InputException(
            rootKeyFile + " holds a key shorter than 16 characters; delete it to get a new one.");
      }
      return k;
    }
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    String k = "seer_root_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Path parent = rootKeyFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(rootKeyFile, k + "\n");
    try {
      Files.setPosixFilePermissions(rootKeyFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file keeps the default permissions
    }
    return k;
  }
}
