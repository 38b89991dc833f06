package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end on MovieLens latest-small. */
class DemoCommandTest {
  @Test
  void demoTrainsEvaluatesExplainsAndWritesTheReport(@TempDir Path out) throws Exception {
    Path data = SharedData.path("movielens-latest-small");
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = Main.run("demo", "--data", data.toString(), "--out", out.toString());
    } finally {
      System.setOut(saved);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    assertTrue(text.contains("protocol: full ranking"), text);
    assertTrue(text.contains("NDCG@10"), text);
    assertTrue(text.contains("because you liked"), text);
    assertTrue(text.contains("./seer serve --load-demo"), text);
    assertTrue(Files.size(out.resolve("report.html")) > 1000);
    assertTrue(Files.readString(out.resolve("report.json")).contains("\"item-knn\""));
  }
}
