package dev.seer.eval;

import dev.seer.api.IdIndex;
import dev.seer.api.InputException;
import dev.seer.api.Ranking;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the top-N lists of an evaluation as TSV so that another tool can recompute the metrics.
 * The first line is a comment ({@code # ...}) with the algorithm and the protocol (it says
 * "sampled" for sampled evaluation); then a header {@code user item rank score} and one row per
 * list entry, with external ids, 1-based ranks and the score as Java prints a float (which reads
 * back to the same float).
 */
public final class TopNExport {
  private TopNExport() {}

  /**
   * Writes the lists of one result.
   *
   * @param path the file to write (parent folders are created)
   * @param result the evaluation result
   * @throws InputException if the file cannot be written
   */
  public static void write(Path path, EvalResult result) {
    TopLists lists = result.topLists();
    IdIndex users = result.userIndex();
    IdIndex items = result.itemIndex();
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        w.write(
            "# seer top-N; algorithm=" + result.algorithm() + "; protocol=" + result.protocol());
        w.write('\n');
        w.write("user\titem\trank\tscore\n");
        for (int j = 0; j < lists.users().length; j++) {
          String uid = users.id(lists.users()[j]);
          Ranking r = lists.rankings()[j];
          for (int k = 0; k < r.size(); k++) {
            w.write(uid);
            w.write('\t');
            w.write(items.id(r.items()[k]));
            w.write('\t');
            w.write(Integer.toString(k + 1));
            w.write('\t');
            w.write(Float.toString(r.scores()[k]));
            w.write('\n');
          }
        }
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write the top-N lists to " + path + " (" + e.getMessage() + "); check the path.",
          e);
    }
  }
}
