package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and messages of the command line. */
class CliTest {
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    cl.setOut(new PrintWriter(new StringWriter()));
    int code = cl.execute(args);
    return new Run(code, err.toString());
  }

  @Test
  void helpWorksEverywhere() {
    for (String[] args :
        new String[][] {
          {"--help"},
          {"evaluate", "--help"},
          {"demo", "--help"},
          {"train", "--help"},
          {"recommend", "--help"},
          {"export-recs", "--help"},
          {"data", "inspect", "--help"},
          {"data", "clean", "--help"},
          {"data", "split", "--help"},
          {"data", "generate", "--help"},
          {"bench", "rmse", "--help"},
          {"bench", "cold-start", "--help"},
          {"ask", "--help"},
          {"reviews", "--help"},
          {"explain", "--help"},
          {"bench", "sentiment", "--help"},
          {"bench", "review-signals", "--help"},
          {"tune", "--help"},
          {"bench", "models", "--help"}
        }) {
      assertEquals(0, run(args).code(), String.join(" ", args));
    }
  }

  @Test
  void badUsageExitsWithTwoAndNoStackTrace() {
    Run r = run("evaluate", "--cutoffs", "abc");
    assertEquals(2, r.code());
    assertFalse(r.err().contains("\tat "), r.err());
    Run unknown = run("no-such-command");
    assertEquals(2, unknown.code());
  }

  @Test
  void missingInputIsOneClearMessage(@TempDir Path dir) {
    Run r =
        run(
            "evaluate",
            "--train",
            dir.resolve("missing.base").toString(),
            "--test",
            dir.resolve("missing.test").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("seer: "), r.err());
    assertTrue(r.err().contains("missing.base"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void corruptedInputNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path base = dir.resolve("u1.base");
    Files.writeString(base, "1\t10\t5\t881250949\n2\t10\tfive\t881250950\n");
    Path test = dir.resolve("u1.test");
    Files.writeString(test, "1\t11\t4\t881250951\n");
    Run r =
        run(
            "evaluate",
            "--train",
            base.toString(),
            "--test",
            test.toString(),
            "--out",
            dir.resolve("o").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("u1.base:2:") && r.err().contains("five"), r.err());
  }

  @Test
  void badCutoffIsRejected() {
    Path data = SharedData.path("movielens-100k");
    Run r =
        run(
            "evaluate",
            "--train",
            data.resolve("u1.base").toString(),
            "--test",
            data.resolve("u1.test").toString(),
            "--cutoffs",
            "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("K=0"), r.err());
  }
}
