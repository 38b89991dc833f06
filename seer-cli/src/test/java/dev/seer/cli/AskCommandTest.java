package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seer ask} and the semantic model through the command line, on a tiny MovieLens folder. */
class AskCommandTest {
  private record Out(int code, String text) {}

  private static Out run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.setOut(saved);
    }
    return new Out(code, buf.toString(StandardCharsets.UTF_8));
  }

  private static Path films(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("movies.csv"),
        "movieId,title,genres\n"
            + "1,Space Cadets (2001),Comedy|Children\n"
            + "2,The Dark Trench (1999),Drama|War\n"
            + "3,Pasta Nights (2010),Documentary\n"
            + "4,Orbit Blues (2015),Drama|Sci-Fi\n");
    Files.writeString(
        dir.resolve("ratings.csv"),
        "userId,movieId,rating,timestamp\n" + "1,2,5,100\n1,4,4,101\n2,1,5,102\n2,3,2,103\n");
    return dir.resolve("ratings.csv");
  }

  @Test
  void askRanksTheCatalogueByItsText(@TempDir Path dir) throws Exception {
    films(dir);
    Out o =
        run(
            "ask",
            "a space comedy for children",
            "--data",
            dir.toString(),
            "--embedder",
            "hash-4096",
            "-n",
            "2");
    assertEquals(0, o.code(), o.text());
    String[] lines = o.text().strip().split("\n");
    String first = lines[lines.length - 2];
    assertTrue(first.contains("Space Cadets"), o.text());
    assertTrue(first.contains("space comedy children"), o.text());
  }

  @Test
  void aSemanticModelTrainsAndBlendsForItsUsers(@TempDir Path dir) throws Exception {
    films(dir);
    Path model = dir.resolve("semantic.seer");
    Out t =
        run(
            "train",
            "--data",
            dir.toString(),
            "-a",
            "semantic",
            "--param",
            "embedder=hash-4096",
            "--out",
            model.toString());
    assertEquals(0, t.code(), t.text());
    Out o =
        run("ask", "space", "--model", model.toString(), "--user", "1", "--blend", "1", "-n", "4");
    assertEquals(0, o.code(), o.text());
    String[] lines = o.text().strip().split("\n");
    // blend 1: the user's profile (the two dramas) decides, so a drama comes first
    String item = lines[2].strip().split("\\s+")[1];
    assertTrue(item.equals("2") || item.equals("4"), o.text());
    Out bad = run("ask", "space", "--user", "1", "--data", dir.toString());
    assertEquals(2, bad.code());
  }

  @Test
  void explainWritesTheSentenceWithAnLlmOrTheTemplate(@TempDir Path dir) throws Exception {
    films(dir);
    Path model = dir.resolve("semantic.seer");
    assertEquals(
        0,
        run(
                "train",
                "--data",
                dir.toString(),
                "-a",
                "semantic",
                "--param",
                "embedder=hash-4096",
                "--out",
                model.toString())
            .code());
    Out t =
        run(
            "explain",
            "--model",
            model.toString(),
            "--titles",
            dir.toString(),
            "--user",
            "1",
            "--item",
            "1");
    assertEquals(0, t.code(), t.text());
    assertTrue(t.text().contains("sentence (template): Because you liked"), t.text());
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext(
        "/v1/chat/completions",
        x -> {
          bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] b =
              ("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                      + "\"A drama for drama lovers.\"}}],\"usage\":{\"total_tokens\":9}}")
                  .getBytes(StandardCharsets.UTF_8);
          x.sendResponseHeaders(200, b.length);
          x.getResponseBody().write(b);
          x.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      Out l =
          run(
              "explain",
              "--model",
              model.toString(),
              "--titles",
              dir.toString(),
              "--user",
              "1",
              "--item",
              "1",
              "--llm-url",
              url,
              "--llm-model",
              "tiny");
      assertEquals(0, l.code(), l.text());
      assertTrue(l.text().contains("sentence (llm): A drama for drama lovers."), l.text());
      assertEquals(1, bodies.size());
      assertTrue(!bodies.get(0).contains("Dark Trench"), "no personal data: " + bodies.get(0));
    } finally {
      server.stop(0);
    }
  }
}
