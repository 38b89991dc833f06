package dev.seer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seer.api.ModelFiles;
import dev.seer.api.SavedModel;
import dev.seer.neural.NeuralModel;
import dev.seer.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The neural algorithms through the command line: train, save, load, recommend for a session. */
class NeuralCliTest {
  private static int run(StringWriter out, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.setOut(new PrintWriter(out));
    return cl.execute(args);
  }

  @Test
  void trainsSasRecAndRecommendsForASession(@TempDir Path dir) {
    Path model = dir.resolve("sasrec.seer");
    int code =
        run(
            new StringWriter(),
            "train",
            "--data",
            SharedData.movieLens100k().resolve("u1.base").toString(),
            "-a",
            "sasrec",
            "--param",
            "epochs=1",
            "--param",
            "dims=8",
            "--param",
            "blocks=1",
            "--param",
            "max-length=10",
            "--param",
            "validate=false",
            "--out",
            model.toString());
    assertEquals(0, code);
    assertTrue(Files.isRegularFile(model));
    SavedModel saved = ModelFiles.load(model);
    assertTrue(saved.model() instanceof NeuralModel);
    assertEquals("sasrec", saved.model().card().algorithm());
    assertEquals("8", saved.model().card().options().get("dims"));
    StringWriter out = new StringWriter();
    assertEquals(
        0, run(out, "recommend", "--model", model.toString(), "--items", "1,2,3", "-n", "5"));
  }
}
