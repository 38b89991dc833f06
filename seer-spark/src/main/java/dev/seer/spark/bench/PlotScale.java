package dev.seer.spark.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws the plot of a scale benchmark's JSON (also after an interrupted run, whose finished stages
 * are saved). Usage: {@code PlotScale IN.json OUT.svg}.
 */
public final class PlotScale {
  private PlotScale() {}

  /**
   * Writes the plot.
   *
   * @param args input JSON and output SVG
   * @throws Exception on I/O failure
   */
  public static void main(String[] args) throws Exception {
    Map<?, ?> m =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(Path.of(args[0]).toFile(), Map.class);
    List<Object> runs = new ArrayList<>();
    if (m.get("runs") instanceof List<?> l) {
      runs.addAll(l);
    }
    Files.writeString(Path.of(args[1]), Plot.svg(runs));
  }
}
