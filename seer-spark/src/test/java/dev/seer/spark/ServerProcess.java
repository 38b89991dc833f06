package dev.seer.spark;

import dev.seer.server.Limits;
import dev.seer.server.SeerServer;
import dev.seer.server.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Seer server in a JVM of its own, on seer-server's run-time class path (written by
 * seer-server's build to {@code target/runtime-classpath.txt}), so that Spark's class path and the
 * server's never meet. {@link #main} is the child's entry point: it starts the server on a free
 * port, prints {@code SEER_PORT n} and serves until its standard input closes.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts a server with a SQLite store in {@code dir}.
   *
   * @param dir a scratch directory
   * @param rootKey the operator key
   * @return the running server
   * @throws IOException if the JVM cannot be started or the server does not come up
   */
  static ServerProcess start(Path dir, String rootKey) throws IOException {
    Path serverClasses =
        Path.of(toUri(SeerServer.class.getProtectionDomain().getCodeSource().getLocation()));
    Path cpFile = serverClasses.resolveSibling("runtime-classpath.txt");
    if (!Files.isRegularFile(cpFile)) {
      throw new IllegalStateException(
          cpFile
              + " is missing; build seer-server first (mvn -pl seer-spark -am verify builds it).");
    }
    Path launcher =
        Path.of(toUri(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation()));
    String cp =
        serverClasses
            + java.io.File.pathSeparator
            + Files.readString(cpFile).strip()
            + java.io.File.pathSeparator
            + launcher;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(ServerProcess.class.getName());
    cmd.add("jdbc:sqlite:" + dir.resolve("seer.db"));
    cmd.add(rootKey);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder log = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("SEER_PORT ")) {
        int port = Integer.parseInt(line.substring(10).strip());
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // the server's log is not needed once it is up
                    }
                  } catch (IOException e) {
                    // the process ended
                  }
                });
        drain.setDaemon(true);
        drain.start();
        return new ServerProcess(p, port);
      }
      log.append(line).append('\n');
    }
    p.destroyForcibly();
    throw new IOException("the server process ended before it listened:\n" + log);
  }

  private static java.net.URI toUri(java.net.URL url) {
    try {
      return url.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The base URL.
   *
   * @return e.g. {@code http://127.0.0.1:43210}
   */
  String base() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws IOException {
    process.getOutputStream().close();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The child's entry point.
   *
   * @param args the JDBC URL of the store and the root key
   * @throws IOException on I/O failure
   */
  public static void main(String[] args) throws IOException {
    try (SeerServer s =
        SeerServer.start(
            new ServerConfig("127.0.0.1", 0, args[0], args[1], Limits.defaults(), 42))) {
      System.out.println("SEER_PORT " + s.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes standard input (or dies)
      }
    }
  }
}
