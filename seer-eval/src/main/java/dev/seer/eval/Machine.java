package dev.seer.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Describes the machine a report or benchmark ran on. */
public final class Machine {
  private Machine() {}

  /**
   * Returns cores, CPU model (where Linux tells it), maximum heap, JVM and OS.
   *
   * @return name to value, in a fixed order
   */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("cpu", cpuModel());
    m.put("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return m;
  }

  private static String cpuModel() {
    Path p = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(p)) {
      return "unknown";
    }
    try {
      for (String line : Files.readAllLines(p)) {
        if (line.startsWith("model name")) {
          int c = line.indexOf(':');
          return c < 0 ? "unknown" : line.substring(c + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }
}
