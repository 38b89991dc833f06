package dev.seer.cli;

import dev.seer.api.InputException;
import dev.seer.api.Interactions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes interactions as {@code user item rating timestamp} TSV (gzip if the name ends .gz). */
final class InteractionsTsv {
  private InteractionsTsv() {}

  static void write(Interactions d, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      OutputStream os = Files.newOutputStream(file);
      if (file.getFileName().toString().endsWith(".gz")) {
        os = new GZIPOutputStream(os, 1 << 16);
      }
      try (BufferedWriter w =
          new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
        w.write("user\titem\trating\ttimestamp\n");
        for (int k = 0; k < d.size(); k++) {
          w.write(d.users().id(d.user(k)));
          w.write('\t');
          w.write(d.items().id(d.item(k)));
          w.write('\t');
          if (d.hasRatings()) {
            w.write(Float.toString(d.rating(k)));
          }
          w.write('\t');
          if (d.timestamp(k) != Interactions.NO_TIME) {
            w.write(Long.toString(d.timestamp(k)));
          }
          w.write('\n');
        }
      }
    } catch (IOException e) {
      throw new InputException(
          "Cannot write " + file + ": " + e.getMessage() + "; check the path.", e);
    }
  }
}
